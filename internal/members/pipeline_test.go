package members_test

import (
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/testkit/want"
)

// step records a step as the system.
func (f *fixture) step(id int64, s members.Step, on string, mod ...func(*members.StepInput)) error {
	in := members.StepInput{Step: s, On: day(on)}
	for _, m := range mod {
		m(&in)
	}
	_, err := f.svc.RecordStep(f.ctx, nil, id, in)
	return err
}

func training(days, hours int) func(*members.StepInput) {
	return func(in *members.StepInput) { in.TrainingDays, in.TrainingHours = days, hours }
}

func note(s string) func(*members.StepInput) { return func(in *members.StepInput) { in.Note = s } }

func months(n int) func(*members.StepInput) { return func(in *members.StepInput) { in.Months = n } }

// testStepDayInReport: a 转正 recorded on New Year's Day counts in that
// year's development report, whose year runs from 1 January inclusive.
func (f *fixture) testStepDayInReport(t *testing.T) {
	village := f.env.Town.Villages["大坪"].ID
	becameFull := func() int {
		t.Helper()
		rep, err := f.svc.DevelopmentReport(f.ctx, nil, members.ReportFilter{OrgID: village, Year: 2026})
		if err != nil {
			t.Fatal(err)
		}
		return rep.Total.BecameFull
	}
	before := becameFull()
	m := f.add(t, "大坪二组", members.MemberInput{Name: "元旦转正", Status: members.StatusProbationary, JoinedOn: day("2025-01-01")})
	if err := f.step(m.ID, members.StepFull, "2026-01-01"); err != nil {
		t.Fatal(err)
	}
	if got := becameFull(); got != before+1 {
		t.Fatalf("became full in 2026: %d, want %d", got, before+1)
	}
}

// testPipeline walks one applicant through every gate, trying each step
// a day too early (refused, with the rule and the earliest date) and then
// on the boundary day (accepted). The fixed clock stands at 2026-11-26.
func (f *fixture) testPipeline(t *testing.T) {
	m := f.add(t, "大坪一组", members.MemberInput{Name: "李发展", Status: members.StatusApplicant, AppliedOn: day("2024-01-31")})
	cases := []struct {
		name string
		step members.Step
		on   string
		mod  []func(*members.StepInput)
		rule string   // "" = accepted
		frag []string // fragments of the Chinese message
	}{
		{"talk before the application", members.StepTalk, "2024-01-30", nil, "pipeline.date_order", []string{"2024-01-31"}},
		{"activist before the talk", members.StepActivist, "2024-03-01", nil, "pipeline.order", []string{"谈话"}},
		{"talk on the last day of the month (leap February)", members.StepTalk, "2024-02-29", nil, "", nil},
		{"activist", members.StepActivist, "2024-03-01", nil, "", nil},
		{"candidate a day before the year", members.StepCandidate, "2025-02-28", nil, "pipeline.activist_year", []string{"最早 2025-03-01"}},
		{"skip to the branch meeting", members.StepAdmit, "2025-03-01", []func(*members.StepInput){training(3, 0)}, "pipeline.order", []string{"列为发展对象"}},
		{"candidate on the anniversary", members.StepCandidate, "2025-03-01", nil, "", nil},
		{"meeting with too little training", members.StepAdmit, "2025-06-01", []func(*members.StepInput){training(2, 23)}, "pipeline.training", []string{"3 天", "24 学时", "2 天"}},
		{"meeting with 24 class hours", members.StepAdmit, "2025-06-01", []func(*members.StepInput){training(0, 24)}, "", nil},
		{"approval after six months", members.StepApprove, "2025-12-02", []func(*members.StepInput){note("换届")}, "pipeline.approval_window", []string{"2025-09-01", "最迟 2025-12-01"}},
		{"approval after three months without a reason", members.StepApprove, "2025-09-02", nil, "pipeline.approval_window", []string{"2025-09-01"}},
		{"approval on the third month", members.StepApprove, "2025-09-01", nil, "", nil},
		{"full a day early", members.StepFull, "2026-05-31", nil, "pipeline.probation_year", []string{"最早 2026-06-01"}},
		{"extension too short", members.StepExtend, "2026-06-01", []func(*members.StepInput){months(5)}, "pipeline.extension_length", []string{"6–12", "5 个月"}},
		{"extension too long", members.StepExtend, "2026-06-01", []func(*members.StepInput){months(13)}, "pipeline.extension_length", []string{"13"}},
		{"extension of six months", members.StepExtend, "2026-06-01", []func(*members.StepInput){months(6)}, "", nil},
		{"a second extension", members.StepExtend, "2026-07-01", []func(*members.StepInput){months(6)}, "pipeline.extension_once", []string{"2026-06-01"}},
		{"full before the extended probation", members.StepFull, "2026-11-26", nil, "pipeline.probation_year", []string{"18 个月", "最早 2026-12-01"}},
		{"full in the future", members.StepFull, "2026-12-01", nil, "pipeline.future_date", []string{"2026-11-26"}},
	}
	for _, c := range cases {
		err := f.step(m.ID, c.step, c.on, c.mod...)
		if c.rule == "" {
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			continue
		}
		t.Run(c.name, func(t *testing.T) { want.Rule(t, err, c.rule, c.frag...) })
	}
	// On the day the extended probation ends the step is accepted.
	saved := f.env.Clock.T
	f.env.Clock.T = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	defer func() { f.env.Clock.T = saved }()
	if err := f.step(m.ID, members.StepFull, "2026-12-01"); err != nil {
		t.Fatal(err)
	}
	d, err := f.svc.Detail(f.ctx, nil, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Member.Status != members.StatusFull || !d.Member.JoinedOn.Time().Equal(day("2025-06-01")) || !d.Member.FullOn.Time().Equal(day("2026-12-01")) {
		t.Fatalf("after 转正: %+v", d.Member)
	}
	if d.Pipeline.TalkLate || d.Pipeline.ExtensionMonths != 6 || d.Pipeline.TrainingHours != 24 {
		t.Fatalf("pipeline detail %+v", d.Pipeline)
	}
	var kinds []string
	for _, e := range d.Events {
		kinds = append(kinds, e.Kind)
	}
	if got := join(kinds); got != "apply talk activist candidate admit approve extend full" {
		t.Fatalf("history %s", got)
	}
	err = f.step(m.ID, members.StepReject, "2026-12-01", note("x"))
	want.Rule(t, err, "pipeline.order_done", "正式党员")

	// A talk after the month is recorded and marked late.
	late := f.add(t, "大坪一组", members.MemberInput{Name: "迟谈话", Status: members.StatusApplicant, AppliedOn: day("2024-01-31")})
	if err := f.step(late.ID, members.StepTalk, "2024-03-01"); err != nil {
		t.Fatal(err)
	}
	if d, _ := f.svc.Detail(f.ctx, nil, late.ID); d.Pipeline == nil || !d.Pipeline.TalkLate {
		t.Fatalf("a talk a day after the month must be marked late: %+v", d.Pipeline)
	}
	// Rejection needs a reason, keeps the record and closes the way.
	err = f.step(late.ID, members.StepReject, "2024-04-01")
	want.Field(t, err, "note", "pipeline.reason_required")
	if err := f.step(late.ID, members.StepReject, "2024-04-01", note("本人撤回申请")); err != nil {
		t.Fatal(err)
	}
	got, err := f.svc.Get(f.ctx, nil, late.ID)
	if err != nil || got.Status != members.StatusLeft || got.LeftReason != members.LeftRejected {
		t.Fatalf("after rejection: %+v %v", got, err)
	}
	want.Rule(t, f.step(late.ID, members.StepActivist, "2024-05-01"), "member.left")
}

func join(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out
}

func (f *fixture) testApplicantAge(t *testing.T) {
	for _, c := range []struct {
		birth, applied string
		ok             bool
	}{
		{"2008-11-27", "2026-11-26", false}, // 18 tomorrow
		{"2008-11-26", "2026-11-26", true},  // 18 today
		{"2008-02-29", "2026-02-28", false}, // a leap-day birthday counts from 1 March
		{"2008-02-29", "2026-03-01", true},
	} {
		_, err := f.svc.Add(f.ctx, nil, members.MemberInput{OrgID: f.group("大坪二组"), Name: "申请人",
			IDNumber: f.idNumber(day(c.birth)), Status: members.StatusApplicant, AppliedOn: day(c.applied)})
		if c.ok && err != nil {
			t.Errorf("born %s applying %s: %v", c.birth, c.applied, err)
		}
		if !c.ok {
			want.Rule(t, err, "pipeline.applicant_age", "18")
		}
	}
	_, err := f.svc.Add(f.ctx, nil, members.MemberInput{OrgID: f.group("大坪二组"), Name: "申请人",
		IDNumber: f.idNumber(day("2008-11-27")), Status: members.StatusApplicant, AppliedOn: day("2026-11-26")})
	want.Rule(t, err, "pipeline.applicant_age", "最早 2026-11-27")
}

// testBoard builds a branch with one person per state and checks what
// the board says is due and overdue.
func (f *fixture) testBoard(t *testing.T) {
	g := "大坪九组"
	talkDue := f.add(t, g, members.MemberInput{Name: "待谈话", Status: members.StatusApplicant, AppliedOn: day("2026-11-01")})
	talkLate := f.add(t, g, members.MemberInput{Name: "谈话逾期", Status: members.StatusApplicant, AppliedOn: day("2026-10-25")})
	activist := f.add(t, g, members.MemberInput{Name: "积极分子", Status: members.StatusApplicant, AppliedOn: day("2026-01-05")})
	want.OK(t, f.step(activist.ID, members.StepTalk, "2026-01-20"))
	want.OK(t, f.step(activist.ID, members.StepActivist, "2026-02-01"))
	approval := f.add(t, g, members.MemberInput{Name: "待审批", Status: members.StatusApplicant, AppliedOn: day("2024-01-05")})
	want.OK(t, f.step(approval.ID, members.StepTalk, "2024-01-20"))
	want.OK(t, f.step(approval.ID, members.StepActivist, "2024-02-01"))
	want.OK(t, f.step(approval.ID, members.StepCandidate, "2025-02-01"))
	want.OK(t, f.step(approval.ID, members.StepAdmit, "2026-09-20", training(3, 0)))
	prob := f.add(t, g, members.MemberInput{Name: "预备期满", Status: members.StatusProbationary, JoinedOn: day("2025-11-20")})

	b, err := f.svc.Board(f.ctx, f.actor(t, "admin"), f.group(g))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]string{talkDue.ID: "due talk", talkLate.ID: "overdue talk", activist.ID: "waiting candidate",
		approval.ID: "due approve", prob.ID: "due full"}
	for _, d := range b.Due {
		if w, ok := want[d.Member.ID]; ok {
			if got := d.State + " " + string(d.Step); got != w {
				t.Errorf("%s: %s, want %s", d.Member.Name, got, w)
			}
			delete(want, d.Member.ID)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing from the board: %v", want)
	}
	if b.Counts[members.StatusApplicant] != 2 || b.Counts[members.StatusActivist] != 1 || b.Counts[members.StatusCandidate] != 1 || b.Counts[members.StatusProbationary] != 1 {
		t.Errorf("counts %v", b.Counts)
	}
	if b.Due[0].Member.ID != talkLate.ID {
		t.Errorf("the overdue talk should come first, got %s", b.Due[0].Member.Name)
	}
	tb, err := f.svc.Board(f.ctx, f.actor(t, "admin"), f.env.Town.Town.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range tb.Rows {
		if r.Name == "大坪村党总支" && r.Overdue < 1 {
			t.Errorf("the town board's 大坪 row shows no overdue step: %+v", r)
		}
	}
	if tb.ByTown {
		t.Error("a town's board lists who is due, not per-town counts")
	}

	// Above a town the board counts per town and lists nobody: the county
	// administrator's board has the one demo town with the town's totals.
	cb, err := f.svc.Board(f.ctx, f.actor(t, "county"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if !cb.ByTown || len(cb.Due) != 0 || len(cb.Rows) != 1 || cb.Rows[0].OrgID != f.env.Town.Town.ID {
		t.Fatalf("county board: by town %v, %d due, rows %+v", cb.ByTown, len(cb.Due), cb.Rows)
	}
	for _, st := range []members.Status{members.StatusApplicant, members.StatusActivist, members.StatusCandidate, members.StatusProbationary} {
		if cb.Counts[st] != tb.Counts[st] || cb.Rows[0].Counts[st] != tb.Counts[st] {
			t.Errorf("%s: county board %d (row %d), town board %d", st, cb.Counts[st], cb.Rows[0].Counts[st], tb.Counts[st])
		}
	}
	countyNode, err := f.svc.Board(f.ctx, f.actor(t, "county"), f.env.Town.County.ID)
	if err != nil || !countyNode.ByTown {
		t.Fatalf("the county node's board is per town too: %v %v", countyNode.ByTown, err)
	}
}

func (f *fixture) testCultivation(t *testing.T) {
	admin := f.actor(t, "admin")
	member := f.add(t, "岩头一组", members.MemberInput{Status: members.StatusFull, JoinedOn: day("2000-07-01"), FullOn: day("2001-07-01")})
	farmer := f.add(t, "岩头一组", members.MemberInput{Name: "能手", Status: members.StatusApplicant, AppliedOn: day("2024-01-05")})
	_, err := f.svc.AddTag(f.ctx, admin, farmer.ID, members.TagInput{Kind: members.TagMemberToRich, StartedOn: day("2026-01-01")})
	want.Rule(t, err, "cultivate.kind_status", "入党申请人")
	tag, err := f.svc.AddTag(f.ctx, admin, member.ID, members.TagInput{Kind: members.TagMemberToRich, StartedOn: day("2026-01-01")})
	want.OK(t, err)
	_, err = f.svc.AddTag(f.ctx, admin, member.ID, members.TagInput{Kind: members.TagMemberToRich, StartedOn: day("2026-02-01")})
	want.Kind(t, err, apperr.KindConflict)
	_, err = f.svc.CloseTag(f.ctx, admin, member.ID, tag.ID, true, day("2025-12-31"))
	want.Field(t, err, "on", "tag.before_start")
	if _, err := f.svc.CloseTag(f.ctx, admin, member.ID, tag.ID, true, day("2026-06-01")); err != nil {
		t.Fatal(err)
	}
	// 致富能手→党员 is achieved by the approval that makes them a 预备党员.
	rich, err := f.svc.AddTag(f.ctx, admin, farmer.ID, members.TagInput{Kind: members.TagRichToMember, StartedOn: day("2024-01-10")})
	want.OK(t, err)
	want.OK(t, f.step(farmer.ID, members.StepTalk, "2024-01-20"))
	want.OK(t, f.step(farmer.ID, members.StepActivist, "2024-02-01"))
	want.OK(t, f.step(farmer.ID, members.StepCandidate, "2025-02-01"))
	want.OK(t, f.step(farmer.ID, members.StepAdmit, "2025-06-01", training(3, 0)))
	want.OK(t, f.step(farmer.ID, members.StepApprove, "2025-07-01"))
	d, err := f.svc.Detail(f.ctx, admin, farmer.ID)
	want.OK(t, err)
	if len(d.Tags) != 1 || d.Tags[0].ID != rich.ID || d.Tags[0].AchievedOn.String() != "2025-07-01" {
		t.Fatalf("tags after approval: %+v", d.Tags)
	}
	rows, total, err := f.svc.Cultivation(f.ctx, admin, f.env.Town.Town.ID)
	want.OK(t, err)
	if len(rows) != 16 {
		t.Fatalf("cultivation rows: %d villages, want 16", len(rows))
	}
	for _, r := range rows {
		if r.Name == "岩头村党总支" {
			if r.Counts[members.TagMemberToRich].Achieved < 1 || r.Counts[members.TagRichToMember].Achieved < 1 {
				t.Fatalf("岩头 counts %+v", r.Counts)
			}
		}
	}
	if total[members.TagRichToMember].Achieved < 1 {
		t.Fatalf("town totals %+v", total)
	}
}
