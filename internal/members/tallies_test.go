package members_test

import (
	"context"
	"database/sql"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// tallyRows reads member_tallies as "town kind year key" → n, without the
// rows that came down to zero.
func tallyRows(t *testing.T, q db.Queryer) map[string]int {
	t.Helper()
	rows, err := q.QueryContext(context.Background(), `SELECT town_id, kind, year, key, n FROM member_tallies WHERE n <> 0`)
	want.OK(t, err)
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var town int64
		var kind, key string
		var year, n int
		want.OK(t, rows.Scan(&town, &kind, &year, &key, &n))
		out[strconv.FormatInt(town, 10)+" "+kind+" "+strconv.Itoa(year)+" "+key] = n
	}
	want.OK(t, rows.Err())
	return out
}

// inRolledBackTx runs fn in a transaction that is never committed.
func inRolledBackTx(t *testing.T, d *db.DB, fn func(tx *sql.Tx)) {
	t.Helper()
	tx, err := d.BeginTx(context.Background(), nil)
	want.OK(t, err)
	defer tx.Rollback()
	fn(tx)
}

// wantTalliesRebuilt: the tallies the use cases kept equal the tallies
// counted afresh from the members.
func wantTalliesRebuilt(t *testing.T, d *db.DB, after string) {
	t.Helper()
	kept := tallyRows(t, d)
	inRolledBackTx(t, d, func(tx *sql.Tx) {
		want.OK(t, members.RebuildTallies(context.Background(), tx))
		if fresh := tallyRows(t, tx); !reflect.DeepEqual(kept, fresh) {
			var diff []string
			for k, n := range fresh {
				if kept[k] != n {
					diff = append(diff, k+": kept "+strconv.Itoa(kept[k])+", counted "+strconv.Itoa(n))
				}
			}
			for k, n := range kept {
				if _, ok := fresh[k]; !ok {
					diff = append(diff, k+": kept "+strconv.Itoa(n)+", counted 0")
				}
			}
			t.Fatalf("after %s the tallies differ from the members:\n%s", after, strings.Join(diff, "\n"))
		}
	})
}

// TestTalliesFollowTheRoster walks the roster's use cases over the demo
// county, to which a second town is added, and after each checks the
// report's tallies against a count from the members; then the county's
// report, read from the tallies, must show for each town exactly that
// town's own report.
func TestTalliesFollowTheRoster(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		ctx := f.ctx
		county := f.actor(t, "county")
		wantTalliesRebuilt(t, d, "the demo")

		mk := func(parent int64, typ org.Type, name string) org.Org {
			o, err := f.env.Svc.Org.Create(ctx, nil, org.NewOrg{ParentID: parent, Type: typ, Name: name})
			want.OK(t, err)
			return o
		}
		town2 := mk(f.env.Town.County.ID, org.TypeTown, "中安镇党委")
		village2 := mk(town2.ID, org.TypeGeneralBranch, "中安村党总支")
		branch2 := mk(village2.ID, org.TypeBranch, "中安一组党支部")

		// An applicant walked to 预备党员 and 正式党员.
		m := f.add(t, "大坪一组", members.MemberInput{Name: "李发展", Status: members.StatusApplicant, AppliedOn: day("2024-01-31"),
			Category: "returnee"})
		wantTalliesRebuilt(t, d, "adding an applicant")
		for _, s := range []struct {
			step members.Step
			on   string
			mod  []func(*members.StepInput)
		}{
			{members.StepTalk, "2024-02-29", nil},
			{members.StepActivist, "2024-03-01", nil},
			{members.StepCandidate, "2025-03-01", nil},
			{members.StepAdmit, "2025-06-01", []func(*members.StepInput){training(0, 24)}},
			{members.StepApprove, "2025-09-01", nil},
		} {
			want.OK(t, f.step(m.ID, s.step, s.on, s.mod...))
			wantTalliesRebuilt(t, d, "step "+string(s.step))
		}
		want.OK(t, f.step(m.ID, members.StepFull, "2026-06-01"))
		wantTalliesRebuilt(t, d, "becoming full")

		// A corrected id number: another birth date (34 at admission
		// instead of 45) and another sex.
		before, err := f.svc.Get(ctx, nil, m.ID)
		want.OK(t, err)
		after, err := f.svc.Update(ctx, nil, m.ID, members.MemberUpdate{Name: before.Name, IDNumber: f.idNumber(day("1990-06-02")),
			Category: "graduate"})
		want.OK(t, err)
		if after.Sex == before.Sex || after.BirthDate.Year() != 1990 {
			t.Fatalf("the new number changed sex %s → %s, birth %v", before.Sex, after.Sex, after.BirthDate)
		}
		wantTalliesRebuilt(t, d, "a new id number")

		// A transfer to the other town, someone leaving, someone added
		// there.
		_, err = f.svc.Transfer(ctx, county, m.ID, members.TransferInput{ToOrgID: branch2.ID, On: day("2026-10-01")})
		want.OK(t, err)
		wantTalliesRebuilt(t, d, "a transfer between towns")
		gone := f.add(t, "海丹一组", members.MemberInput{Name: "王离开", Status: members.StatusFull,
			JoinedOn: day("2001-07-01"), FullOn: day("2002-07-01")})
		_, err = f.svc.Leave(ctx, county, gone.ID, members.LeaveInput{Reason: members.LeftDied, On: day("2026-03-01")})
		want.OK(t, err)
		wantTalliesRebuilt(t, d, "leaving")
		_, err = f.svc.Add(ctx, county, members.MemberInput{OrgID: branch2.ID, Name: "中安党员", IDNumber: f.idNumber(day("1961-01-01")),
			Status: members.StatusProbationary, JoinedOn: day("2026-02-01"), Category: "veteran"})
		want.OK(t, err)
		wantTalliesRebuilt(t, d, "adding in the other town")

		// An Excel import into the demo town.
		row := func(name, born, status, joined, full, category string) []any {
			return []any{name, f.idNumber(day(born)), "海丹五组", status, joined, full, "", category, "否", "", ""}
		}
		job, err := f.svc.StartImport(ctx, f.actor(t, "admin"), f.env.Town.Villages["海丹"].ID, "roster.xlsx", workbook(t, [][]any{
			row("导入甲", "1975-04-03", "正式党员", "1999-07-01", "2000-07-01", "种养能手"),
			row("导入乙", "1996-02-29", "预备党员", "2026-02-28", "", ""),
			row("导入丙", "1958-12-31", "正式党员", "2025-01-01", "2026-01-01", "退伍军人"),
		}))
		want.OK(t, err)
		if job, err = f.svc.Import(ctx, f.actor(t, "admin"), job.ID); err != nil || job.Inserted != 3 {
			t.Fatalf("import %+v: %v", job, err)
		}
		wantTalliesRebuilt(t, d, "an import")

		for _, year := range []int{2026, 2025} {
			whole, err := f.svc.DevelopmentReport(ctx, county, members.ReportFilter{Year: year})
			want.OK(t, err)
			if !whole.ByTown || len(whole.Rows) != 2 || whole.Rows[0].VillageID != f.env.Town.Town.ID || whole.Rows[1].VillageID != town2.ID {
				t.Fatalf("county report of %d: by town %v, rows %+v", year, whole.ByTown, whole.Rows)
			}
			for _, r := range whole.Rows {
				own, err := f.svc.DevelopmentReport(ctx, county, members.ReportFilter{OrgID: r.VillageID, Year: year})
				want.OK(t, err)
				if own.ByTown {
					t.Fatalf("a town's own report is by town")
				}
				got := r
				got.VillageID, got.Name = 0, ""
				if !reflect.DeepEqual(got, own.Total) {
					t.Fatalf("%s in the county's report of %d:\n%+v\nits own report's total:\n%+v", r.Name, year, got, own.Total)
				}
			}
			if year == 2026 && (whole.Rows[1].Members.Total != 2 || whole.Rows[1].Admitted.Total != 1 || whole.Rows[1].BecameFull != 1) {
				t.Fatalf("中安镇 in 2026: %+v", whole.Rows[1])
			}
		}
		// A village leader's report stays by village.
		rep, err := f.svc.DevelopmentReport(ctx, f.actor(t, "haidan"), members.ReportFilter{})
		want.OK(t, err)
		if rep.ByTown || len(rep.Rows) != 1 {
			t.Fatalf("haidan's report %+v", rep)
		}
	})
}

// TestTalliesMigrationCountsAsTheRebuild: the migration's SQL backfill of
// a database that already has members gives the same tallies as
// RebuildTallies, edge days of the age at admission included.
func TestTalliesMigrationCountsAsTheRebuild(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		// 34 at admission (the birthday the next day), and someone born
		// on 29 February admitted on 28 February and 1 March.
		for _, c := range []struct{ born, joined string }{{"1990-06-02", "2025-06-01"}, {"1988-02-29", "2024-02-28"}, {"1988-02-29", "2024-03-01"}, {"1988-02-29", "2023-03-01"}} {
			f.add(t, "海丹一组", members.MemberInput{IDNumber: f.idNumber(day(c.born)), Status: members.StatusProbationary, JoinedOn: day(c.joined)})
		}
		ms, err := db.Migrations(d.Dialect)
		want.OK(t, err)
		var backfill string
		for _, m := range ms {
			if strings.Contains(m.Name, "member_tallies") {
				backfill = m.SQL
			}
		}
		if backfill == "" {
			t.Fatal("no member_tallies migration")
		}
		inRolledBackTx(t, d, func(tx *sql.Tx) {
			_, err := tx.Exec(`DROP TABLE member_tallies`)
			want.OK(t, err)
			_, err = tx.Exec(backfill)
			want.OK(t, err)
			migrated := tallyRows(t, tx)
			want.OK(t, members.RebuildTallies(context.Background(), tx))
			if rebuilt := tallyRows(t, tx); !reflect.DeepEqual(migrated, rebuilt) || len(rebuilt) < 100 {
				t.Fatalf("migration %d rows, rebuild %d rows:\n%v\n%v", len(migrated), len(rebuilt), migrated, rebuilt)
			}
		})
	})
}

// TestReportTallyQueryUsesTheKey: the county report reads the tallies of
// each town in scope off the primary key, not the whole table.
func TestReportTallyQueryUsesTheKey(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		county := &auth.Actor{UserID: 1, Username: "plans", Bindings: []auth.Binding{{Role: auth.RoleCountyAdmin,
			OrgID: f.env.Town.County.ID, OrgPath: f.env.Town.County.Path}}}
		var query string
		var args []any
		d.ObserveReads(func(q string, a []any) {
			if strings.Contains(q, "member_tallies") {
				query, args = q, a
			}
		})
		_, err := f.svc.DevelopmentReport(f.ctx, county, members.ReportFilter{})
		d.ObserveReads(nil)
		want.OK(t, err)
		if query == "" {
			t.Fatal("the county report did not read the tallies")
		}
		_, plan, err := d.SortsRows(f.ctx, query, args)
		want.OK(t, err)
		key := map[db.Dialect]string{db.SQLite: "sqlite_autoindex_member_tallies_1", db.Postgres: "member_tallies_pkey"}[d.Dialect]
		if !strings.Contains(plan, key) {
			t.Fatalf("the tally query does not use %s:\n%s\n%s", key, query, plan)
		}
	})
}
