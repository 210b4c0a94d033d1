package org_test

import (
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

// orgDayColumns are the calendar-day columns of the organisation tables.
var orgDayColumns = []struct{ table, column string }{
	{"orgs", "founded_on"}, {"post_terms", "started_on"}, {"post_terms", "ended_on"},
	{"weak_flags", "flagged_on"}, {"weak_flags", "deadline"}, {"weak_flags", "closed_on"},
}

// TestOrgDaysMigrationLeavesOneFormOfADay: rows written before the days
// were days carry the driver's clock-time text on SQLite, which as text is
// not equal to the same day written now; the migration rewrites them to
// "2006-01-02", after which a day finds its rows, keyset pages over equal
// deadlines see every flag once, and the overview judges a deadline of
// today as not overdue. On PostgreSQL the columns are DATE and nothing
// changes.
func TestOrgDaysMigrationLeavesOneFormOfADay(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin := townAdmin(env)
		v := env.Town.Villages["海丹"]
		sec := postOf(t, env, v, "secretary")
		// Two flags due today, the second written as before.
		var flags []org.WeakFlag
		for _, g := range []string{"海丹一组", "海丹二组"} {
			f, err := env.Svc.Org.Flag(ctx, admin, org.NewWeakFlag{OrgID: env.Town.Groups[g].ID, FlaggedOn: day("2026-06-01"),
				Reason: "r", Plan: "p", Deadline: day("2026-11-26")})
			if err != nil {
				t.Fatal(err)
			}
			flags = append(flags, f)
		}
		old := func(s string) time.Time { return day(s).Time() }
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`UPDATE orgs SET founded_on = $1 WHERE id = $2`, []any{old("1998-07-01"), v.ID}},
			{`UPDATE post_terms SET started_on = $1 WHERE id = $2`, []any{old("2021-03-01"), sec.Holder.ID}},
			{`UPDATE weak_flags SET deadline = $1 WHERE id = $2`, []any{old("2026-11-26"), flags[1].ID}},
		} {
			if _, err := d.ExecContext(ctx, q.sql, q.args...); err != nil {
				t.Fatal(err)
			}
		}
		count := func(query string, args ...any) int {
			t.Helper()
			var n int
			if err := d.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		unlike := func() int {
			n := 0
			for _, c := range orgDayColumns {
				n += count(`SELECT COUNT(*) FROM ` + c.table + ` WHERE LENGTH(CAST(` + c.column + ` AS TEXT)) <> 10`)
			}
			return n
		}
		before := unlike()
		if want := map[db.Dialect]int{db.SQLite: 3, db.Postgres: 0}[d.Dialect]; before != want {
			t.Fatalf("%d values not in the form 2006-01-02 before the migration, want %d", before, want)
		}
		// As text the two forms of one day differ: before the migration a
		// day finds only the row written as a day on SQLite.
		if n, want := count(`SELECT COUNT(*) FROM weak_flags WHERE deadline = $1`, day("2026-11-26")), map[db.Dialect]int{db.SQLite: 1, db.Postgres: 2}[d.Dialect]; n != want {
			t.Fatalf("before the migration %d flags due on 2026-11-26, want %d", n, want)
		}

		testkit.Migrate(t, d, "_org_days.sql")
		if n := unlike(); n != 0 {
			t.Fatalf("%d values still not in the form 2006-01-02", n)
		}

		// A day finds its rows, whichever way they were written.
		if n := count(`SELECT COUNT(*) FROM weak_flags WHERE deadline = $1`, day("2026-11-26")); n != 2 {
			t.Fatalf("%d flags due on 2026-11-26, want 2", n)
		}
		if n := count(`SELECT COUNT(*) FROM post_terms WHERE id = $1 AND started_on = $2`, sec.Holder.ID, day("2021-03-01")); n != 1 {
			t.Fatal("the secretary's term does not start on 2021-03-01")
		}
		o, err := env.Svc.Org.Get(ctx, admin, v.ID)
		if err != nil || o.FoundedOn != day("1998-07-01") {
			t.Fatalf("海丹 founded on %v: %v", o.FoundedOn, err)
		}
		// Pages of one flag each continue past an equal deadline.
		seen := map[int64]bool{}
		var after int64
		for range 10 {
			page, err := env.Svc.Org.ListWeak(ctx, admin, org.WeakFilter{Limit: 1, AfterID: after})
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			if seen[page[0].ID] {
				t.Fatalf("flag %d listed twice", page[0].ID)
			}
			seen[page[0].ID], after = true, page[0].ID
		}
		if !seen[flags[0].ID] || !seen[flags[1].ID] {
			t.Fatalf("pages saw %v, want both flags due today", seen)
		}
		// Due today is not overdue: the demo's one overdue flag stays the
		// only one in the town.
		rows, err := env.Svc.Org.TownOverview(ctx, admin, env.Town.Town.ID)
		if err != nil {
			t.Fatal(err)
		}
		if tot := org.Totals(rows); tot.OverdueWeak != 1 || tot.OpenWeak != 4 {
			t.Fatalf("overview totals %+v, want 4 open, 1 overdue", tot)
		}
	})
}
