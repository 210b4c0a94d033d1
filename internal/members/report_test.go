package members_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/members/memberstest"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// reportWorld adds to the small town the people the development report
// counts; the clock stands at 2026-11-26.
func reportWorld(t *testing.T, d *db.DB) *world {
	w := newWorld(t, d)
	day := memberstest.Day
	add := func(o org.Org, m memberstest.Member) {
		m.OrgID = o.ID
		memberstest.Add(t, d, w.Sealer, m)
	}
	// 海丹: people in the pipeline.
	w.Add(w.HD1.ID, "申请甲", "applicant")
	w.Add(w.HD1.ID, "申请乙", "applicant")
	w.Add(w.HD1.ID, "积极甲", "activist")
	w.Add(w.HD1.ID, "对象甲", "candidate")
	// Admitted in 2026: 29, exactly 36 and 66 at admission (and one, 50,
	// who left since: below).
	add(w.HD1, memberstest.Member{Name: "预备甲", Status: "probationary", JoinedOn: day(2026, 3, 1),
		Birth: day(1996, 3, 2), Sex: "F", Category: "returnee"})
	add(w.HD2, memberstest.Member{Name: "预备乙", Status: "probationary", JoinedOn: day(2026, 7, 1),
		Birth: day(1990, 7, 1), Sex: "M", Category: "veteran"})
	add(w.HD1, memberstest.Member{Name: "预备丙", Status: "probationary", JoinedOn: day(2026, 1, 15),
		Birth: day(1960, 1, 15), Sex: "F"})
	// Admitted on the last day of 2025; 35 today.
	add(w.HD1, memberstest.Member{Name: "预备丁", Status: "probationary", JoinedOn: day(2025, 12, 31),
		Birth: day(1990, 11, 27), Sex: "M", Category: "graduate"})
	// Became 正式 in 2026; 60 today (61 tomorrow).
	add(w.HD2, memberstest.Member{Name: "转正甲", Status: "full", JoinedOn: day(2025, 5, 1), FullOn: day(2026, 5, 1),
		Birth: day(1965, 11, 27), Sex: "M", Category: "skilled_farmer"})
	add(w.HD1, memberstest.Member{Name: "老党员", Status: "full", JoinedOn: day(1975, 6, 1), FullOn: day(1976, 6, 1),
		Birth: day(1950, 6, 1), Sex: "F"})
	add(w.HD1, memberstest.Member{Name: "已离开", Status: "left", JoinedOn: day(2026, 2, 1), LeftOn: day(2026, 9, 1),
		Birth: day(1976, 1, 1), Sex: "M"})
	// 海戛, which 海丹 never sees, and an industry organisation outside
	// any village.
	w.Full(w.HG1, "海戛党员")
	w.Probationary(w.HG1, "海戛预备", ymd(2026, 6, 1))
	os := &org.Service{DB: d, Clock: w.Clock}
	ind, err := os.Create(w.Ctx, nil, org.NewOrg{ParentID: w.Town.ID, Type: org.TypeIndustry, IndustryType: org.IndustryLeadingEnterprise, Name: "龙头企业党支部"})
	want.OK(t, err)
	add(ind, memberstest.Member{Name: "企业党员", Status: "full", JoinedOn: day(2010, 1, 1), FullOn: day(2011, 1, 1),
		Birth: day(1980, 1, 1), Sex: "M"})
	return w
}

func TestDevelopmentReportCounts(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := reportWorld(t, d)
		rep, err := w.svc.DevelopmentReport(w.Ctx, w.HaidanLeader, members.ReportFilter{})
		want.OK(t, err)
		if rep.Year != 2026 || len(rep.Rows) != 1 || rep.Rows[0].VillageID != w.Haidan.ID || rep.Rows[0].Name != w.Haidan.Name {
			t.Fatalf("haidan sees %d %+v", rep.Year, rep.Rows)
		}
		r := rep.Rows[0]
		if want := (members.StageCounts{Applicants: 2, Activists: 1, Candidates: 1, Probationary: 4, Full: 2}); r.Stages != want {
			t.Fatalf("stages %+v, want %+v", r.Stages, want)
		}
		// Categories: village_cadre, veteran, skilled_farmer, returnee,
		// graduate, enterprise_staff, other. Ages: ≤35, 36–45, 46–60, >60.
		// The one who left after admission in 2026 was admitted in 2026.
		wantBreakdown(t, "admitted", r.Admitted, members.Breakdown{Total: 4, Women: 2,
			Categories: []int{0, 1, 0, 1, 0, 0, 2}, Ages: []int{1, 1, 1, 1}})
		// The members' ages at the end of 2026 (2026 − birth year): 30,
		// 36, 66, 36 (35 today), 61 (60 today) and 76.
		wantBreakdown(t, "members", r.Members, members.Breakdown{Total: 6, Women: 3,
			Categories: []int{0, 1, 1, 1, 1, 0, 2}, Ages: []int{1, 2, 0, 3}})
		if r.BecameFull != 1 || r.Members.WomenShare() != "50.0%" || r.Admitted.WomenShare() != "50.0%" {
			t.Fatalf("became full %d, women %s / %s", r.BecameFull, r.Members.WomenShare(), r.Admitted.WomenShare())
		}
		if tot := rep.Total; tot.Stages != r.Stages || !reflect.DeepEqual(tot.Admitted, r.Admitted) ||
			!reflect.DeepEqual(tot.Members, r.Members) || tot.BecameFull != r.BecameFull {
			t.Fatalf("total %+v differs from the only row %+v", tot, r)
		}

		// The previous year: the admissions of 2025-05-01 (59 then) and
		// 2025-12-31 (35 then).
		rep, err = w.svc.DevelopmentReport(w.Ctx, w.HaidanLeader, members.ReportFilter{Year: 2025})
		want.OK(t, err)
		wantBreakdown(t, "admitted in 2025", rep.Total.Admitted, members.Breakdown{Total: 2,
			Categories: []int{0, 0, 1, 0, 1, 0, 0}, Ages: []int{1, 0, 1, 0}})
		if rep.Total.BecameFull != 0 {
			t.Fatalf("became full in 2025: %d", rep.Total.BecameFull)
		}
	})
}

func TestDevelopmentReportScope(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := reportWorld(t, d)
		rep, err := w.svc.DevelopmentReport(w.Ctx, w.Admin, members.ReportFilter{})
		want.OK(t, err)
		var names []string
		for _, r := range rep.Rows {
			names = append(names, r.Name)
		}
		if len(rep.Rows) != 3 || rep.Rows[0].VillageID != w.Haidan.ID || rep.Rows[1].VillageID != w.Haiga.ID || rep.Rows[2].VillageID != 0 {
			t.Fatalf("town rows %v", names)
		}
		if tot := rep.Total; tot.Admitted.Total != 5 || tot.Stages.Probationary != 5 || tot.Stages.Full != 4 || tot.Members.Total != 9 {
			t.Fatalf("town total %+v", tot)
		}
		if hg := rep.Rows[1]; hg.Admitted.Total != 1 || hg.Members.Total != 2 {
			t.Fatalf("海戛 row %+v", hg)
		}

		// A branch secretary sees their branch only; a leader one of
		// their branches; nobody another village.
		rep, err = w.svc.DevelopmentReport(w.Ctx, w.Sec1, members.ReportFilter{})
		want.OK(t, err)
		if len(rep.Rows) != 1 || rep.Total.Admitted.Total != 3 || rep.Total.Stages.Full != 1 {
			t.Fatalf("branch report %+v", rep.Total)
		}
		rep, err = w.svc.DevelopmentReport(w.Ctx, w.HaidanLeader, members.ReportFilter{OrgID: w.HD2.ID})
		want.OK(t, err)
		if rep.Total.Admitted.Total != 1 || rep.Total.BecameFull != 1 || rep.Total.Stages.Applicants != 0 {
			t.Fatalf("海丹二组 %+v", rep.Total)
		}
		_, err = w.svc.DevelopmentReport(w.Ctx, w.HaidanLeader, members.ReportFilter{OrgID: w.Haiga.ID})
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.DevelopmentReport(w.Ctx, w.HaidanLeader, members.ReportFilter{Year: 2027})
		want.Field(t, err, "year", "activity.year_range")
	})
}

func TestDevelopmentReportWorkbook(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := reportWorld(t, d)
		rep, err := w.svc.DevelopmentReport(w.Ctx, w.Admin, members.ReportFilter{})
		want.OK(t, err)
		rows := workbookRows(t, rep)
		// title, two header rows, three villages, the total.
		if len(rows) != 7 || rows[3][0] != "海丹村党总支" || rows[5][0] != "镇直及其他" || rows[6][0] != "合计" {
			t.Fatalf("rows %q", rows)
		}
		if rows[1][6] != "当年发展预备党员（年龄按入党时）" || rows[2][6] != "合计" || rows[6][6] != "5" || rows[6][1] != "2" {
			t.Fatalf("header or total %q / %q / %q", rows[1], rows[2], rows[6])
		}
	})
}

func wantBreakdown(t *testing.T, what string, got, want members.Breakdown) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: %+v, want %+v", what, got, want)
	}
}

// TestDevelopmentReportByTown: over the county the report has a row per
// town, read from the tallies the fixture counted, equal to the town's own
// total; the workbook names the first column 镇.
func TestDevelopmentReportByTown(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := reportWorld(t, d)
		rep, err := w.svc.DevelopmentReport(w.Ctx, w.CountyAdmin, members.ReportFilter{})
		want.OK(t, err)
		town, err := w.svc.DevelopmentReport(w.Ctx, w.Admin, members.ReportFilter{})
		want.OK(t, err)
		if !rep.ByTown || town.ByTown || len(rep.Rows) != 1 || rep.Rows[0].VillageID != w.Town.ID || rep.Rows[0].Name != w.Town.Name {
			t.Fatalf("county rows %+v", rep.Rows)
		}
		row := rep.Rows[0]
		row.VillageID, row.Name = 0, ""
		if !reflect.DeepEqual(row, town.Total) || !reflect.DeepEqual(rep.Total, town.Total) {
			t.Fatalf("county %+v\ntown %+v", rep.Total, town.Total)
		}
		rows := workbookRows(t, rep)
		if len(rows) != 5 || rows[1][0] != "镇" || rows[3][0] != "大河镇党委" || rows[4][0] != "合计" {
			t.Fatalf("rows %q", rows)
		}
	})
}

// workbookRows writes the report as a workbook and reads its cells back.
func workbookRows(t *testing.T, rep members.DevReport) [][]string {
	t.Helper()
	var buf bytes.Buffer
	want.OK(t, rep.WriteXLSX(&buf))
	f, err := excelize.OpenReader(&buf)
	want.OK(t, err)
	defer f.Close()
	rows, err := f.GetRows("发展党员工作情况")
	want.OK(t, err)
	return rows
}
