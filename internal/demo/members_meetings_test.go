package demo

import (
	"context"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/members/memberstest"
	"dangjian/internal/services"
)

// The meetings demo reads the members the roster's step loaded. This test
// stands in for that step with a few members in each story branch, so it
// checks the demo with attendance lists, not only with typed figures.
func TestMeetingsDemoWithMembers(t *testing.T) {
	ctx := context.Background()
	d, err := db.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	clock := &db.FixedClock{T: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
	svc, err := services.New(d, clock, []byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	svc.Auth.Password = auth.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}

	saved := steps
	defer func() { steps = saved }()
	var rosterSteps, rest []func(context.Context, services.Services, *Town) error
	for i := range saved {
		// Fixture members go in just before this file's step.
		if len(rest) == 0 && isMeetingsStep(saved[i]) {
			rest = saved[i:]
			break
		}
		rosterSteps = append(rosterSteps, saved[i])
	}
	if len(rest) == 0 {
		t.Fatal("the meetings demo step is not registered")
	}
	steps = append(append(rosterSteps, func(ctx context.Context, svc services.Services, tw *Town) error {
		for _, v := range []string{"民家", "海丹", "海戛"} {
			for _, g := range groups(v, 3) {
				org := tw.Groups[g].ID
				for i, n := range []string{"甲", "乙", "丙", "丁"} {
					memberstest.Full(t, d, svc.People.Sealer, org, g+n)
					if i == 3 {
						memberstest.Probationary(t, d, svc.People.Sealer, org, g+"预备", time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC))
					}
				}
			}
		}
		return nil
	}), rest...)

	start := time.Now()
	town, err := Load(ctx, svc, func(string, ...any) {})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("demo with members loaded in %s", time.Since(start).Round(time.Millisecond))

	minjia := town.Groups["民家一组"]
	sys := systemReader(town)
	items, err := svc.Members.Overdue(ctx, sys, members.OverdueFilter{OrgID: minjia.ID})
	if err != nil {
		t.Fatal(err)
	}
	committeeDue := false
	for _, it := range items {
		committeeDue = committeeDue || it.Kind == members.MeetingCommittee
	}
	if !committeeDue {
		t.Fatalf("民家一组's 支委会 is not due this month: %+v", items)
	}
	ms, err := svc.Members.ListMeetings(ctx, sys, members.MeetingFilter{OrgID: minjia.ID, Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	withLists := 0
	for _, m := range ms {
		if !m.HeadcountOnly {
			withLists++
		}
	}
	if withLists == 0 || withLists != len(ms) {
		t.Fatalf("%d of 民家一组's %d meetings have attendance lists", withLists, len(ms))
	}
	sheet, err := svc.Members.BranchEvaluation(ctx, sys, minjia.ID, 2025)
	if err != nil {
		t.Fatal(err)
	}
	// Every member of last year took part; 优秀 is present and within the
	// one-third cap of those graded (预备党员 take part ungraded).
	graded := 0
	for _, r := range sheet.Results {
		if r.Grade != "" {
			graded++
		}
	}
	if len(sheet.Results) == 0 || sheet.Excellent < 1 || sheet.Excellent*3 > graded {
		t.Fatalf("last year's evaluation of 民家一组: %d results, %d graded, %d excellent", len(sheet.Results), graded, sheet.Excellent)
	}
	var linked int
	if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM members m JOIN users u ON u.id = m.user_id
		WHERE u.username = 'dangyuan' AND m.org_id = $1`, minjia.ID).Scan(&linked); err != nil {
		t.Fatal(err)
	}
	if linked != 1 {
		t.Fatal("the demo member account is not linked to a member of 民家一组")
	}
	v, err := svc.Members.Fund(ctx, sys, town.Town.ID, members.FundPage{})
	if err != nil {
		t.Fatal(err)
	}
	if v.Balance != 5000000+2000000-200000 || len(v.Grants) != 2 {
		t.Fatalf("fund: balance %s, %d grants", v.Balance, len(v.Grants))
	}
	// The paid grant went to 民家一组's longest-serving member, proposed
	// by the branch secretary and approved by the town, not by the system.
	var proposer, decider string
	var longest int
	if err := d.QueryRowContext(ctx, `SELECT g.proposer_name, g.decider_name,
		(SELECT COUNT(*) FROM members o WHERE o.org_id = m.org_id AND o.status IN ('full', 'probationary')
			AND o.joined_on < m.joined_on)
		FROM fund_grants g JOIN members m ON m.id = g.member_id WHERE g.status = 'approved'`).Scan(&proposer, &decider, &longest); err != nil {
		t.Fatal(err)
	}
	if proposer != "民家一组支部书记" || decider != "镇组织委员 李建国" || longest != 0 {
		t.Fatalf("the paid grant: proposed by %q, approved by %q, %d members joined before its recipient", proposer, decider, longest)
	}
	checkEveryBranchMeets(t, svc, town)
}

// Every branch has a year of meetings; a regular one keeps every cadence
// this year, 民家三组 (every other month) does not.
func checkEveryBranchMeets(t *testing.T, svc services.Services, town *Town) {
	t.Helper()
	ctx := context.Background()
	var branches int
	if err := svc.DB.QueryRowContext(ctx, `SELECT COUNT(DISTINCT org_id) FROM meetings`).Scan(&branches); err != nil {
		t.Fatal(err)
	}
	if want := GroupBranchCount + len(town.Industry); branches != want {
		t.Fatalf("%d branches have meetings, want %d", branches, want)
	}
	complete := func(group string) bool {
		cs, err := svc.Members.Compliance(ctx, systemReader(town), members.ComplianceFilter{OrgID: town.Groups[group].ID, Year: 2026})
		if err != nil || len(cs) != 1 {
			t.Fatalf("compliance of %s: %v", group, err)
		}
		all := true
		for _, k := range cs[0].Kinds {
			// The 组织生活会 is held in December: none is required yet.
			required := k.Kind != members.MeetingLife
			all = all && k.Complete() && (k.Required > 0) == required
		}
		return all
	}
	if !complete("民家五组") {
		t.Error("民家五组 misses a cadence this year")
	}
	if complete("民家三组") {
		t.Error("民家三组, meeting every other month, keeps every cadence")
	}
}

// isMeetingsStep recognises this file's step among the registered ones.
func isMeetingsStep(f func(context.Context, services.Services, *Town) error) bool {
	return funcName(f) == funcName(loadMeetings)
}

func funcName(f any) string { return runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name() }
