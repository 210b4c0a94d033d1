package orglife_test

import (
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/orglife"
	"dangjian/internal/testkit"
)

// orglifeDayColumns are the calendar-day columns of organisational life.
var orglifeDayColumns = []struct{ table, column string }{
	{"meetings", "held_on"}, {"member_evaluations", "held_on"}, {"fund_entries", "on_date"},
}

// TestOrgLifeDaysMigrationLeavesOneFormOfADay: rows written before the
// days were days carry the driver's clock-time text on SQLite, which as
// text is not equal to the same day written now and sorts after it; the
// migration rewrites them to "2006-01-02", after which a day finds its
// rows and the meeting list orders one day's meetings by id again. On
// PostgreSQL the columns are DATE and nothing changes.
func TestOrgLifeDaysMigrationLeavesOneFormOfADay(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		first := w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingCommittee, 2026, 11, 2, 3, 3)
		second := w.headcount(w.Sec1, w.HD1.ID, orglife.MeetingGroup, 2026, 11, 2, 8, 7)
		entry, err := w.svc.RecordFundIncome(w.Ctx, w.Admin, orglife.NewIncome{TownID: w.Town.ID, Amount: 100,
			OnDate: ymd(2026, 3, 1), Description: "县委组织部下拨"})
		if err != nil {
			t.Fatal(err)
		}
		// The first meeting and the entry written as before.
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`UPDATE meetings SET held_on = $1 WHERE id = $2`, []any{ymd(2026, 11, 2).Time(), first.ID}},
			{`UPDATE fund_entries SET on_date = $1 WHERE id = $2`, []any{ymd(2026, 3, 1).Time(), entry.ID}},
		} {
			if _, err := d.ExecContext(w.Ctx, q.sql, q.args...); err != nil {
				t.Fatal(err)
			}
		}
		count := func(query string, args ...any) int {
			t.Helper()
			var n int
			if err := d.QueryRowContext(w.Ctx, query, args...).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		unlike := func() int {
			n := 0
			for _, c := range orglifeDayColumns {
				n += count(`SELECT COUNT(*) FROM ` + c.table + ` WHERE LENGTH(CAST(` + c.column + ` AS TEXT)) <> 10`)
			}
			return n
		}
		order := func() []int64 {
			t.Helper()
			list, err := w.svc.ListMeetings(w.Ctx, w.Sec1, orglife.MeetingFilter{OrgID: w.HD1.ID})
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, m := range list {
				ids = append(ids, m.ID)
				if m.HeldOn != ymd(2026, 11, 2) {
					t.Fatalf("meeting %d held on %v", m.ID, m.HeldOn)
				}
			}
			return ids
		}
		sqlite := d.Dialect == db.SQLite
		if before, want := unlike(), map[bool]int{true: 2, false: 0}[sqlite]; before != want {
			t.Fatalf("%d values not in the form 2006-01-02 before the migration, want %d", before, want)
		}
		if n, want := count(`SELECT COUNT(*) FROM meetings WHERE held_on = $1`, ymd(2026, 11, 2)), map[bool]int{true: 1, false: 2}[sqlite]; n != want {
			t.Fatalf("before the migration %d meetings on 2026-11-02, want %d", n, want)
		}
		if got := order(); sqlite && (len(got) != 2 || got[0] != first.ID) {
			t.Fatalf("before the migration the list is %v, want the clock-time row %d first", got, first.ID)
		}

		var step string
		ms, err := db.Migrations(d.Dialect)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if strings.HasSuffix(m.Name, "_orglife_days.sql") {
				step = m.SQL
			}
		}
		if step == "" {
			t.Fatal("no orglife_days migration")
		}
		if _, err := d.ExecContext(w.Ctx, step); err != nil {
			t.Fatal(err)
		}
		if n := unlike(); n != 0 {
			t.Fatalf("%d values still not in the form 2006-01-02", n)
		}
		if n := count(`SELECT COUNT(*) FROM meetings WHERE held_on = $1`, ymd(2026, 11, 2)); n != 2 {
			t.Fatalf("%d meetings on 2026-11-02, want 2", n)
		}
		if n := count(`SELECT COUNT(*) FROM fund_entries WHERE id = $1 AND on_date = $2`, entry.ID, ymd(2026, 3, 1)); n != 1 {
			t.Fatal("the fund entry is not on 2026-03-01")
		}
		// One day's meetings newest id first, on both pages of one.
		if got := order(); len(got) != 2 || got[0] != second.ID || got[1] != first.ID {
			t.Fatalf("list %v, want [%d %d]", got, second.ID, first.ID)
		}
		page, err := w.svc.ListMeetings(w.Ctx, w.Sec1, orglife.MeetingFilter{OrgID: w.HD1.ID, BeforeID: second.ID, Limit: 1})
		if err != nil || len(page) != 1 || page[0].ID != first.ID {
			t.Fatalf("the page after %d is %+v, %v", second.ID, page, err)
		}
		// The overdue list counts the committee held this month.
		items, err := w.svc.Overdue(w.Ctx, w.Sec1, orglife.OverdueFilter{OrgID: w.HD1.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, due := overdueKinds(items, w.HD1.ID)[orglife.MeetingCommittee]; due {
			t.Fatal("the 支委会 of 2026-11-02 is not counted")
		}
	})
}
