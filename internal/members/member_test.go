package members_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/members"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// fixture is a demo town with the demo accounts as actors.
type fixture struct {
	env *testkit.Env
	svc *members.Service
	ctx context.Context
	seq int
}

func newFixture(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	env := testkit.Start(t, d)
	env.Svc.Members.Background = func(f func()) { f() } // imports finish before StartImport returns
	return &fixture{env: env, svc: env.Svc.Members, ctx: context.Background()}
}

// actor logs a demo account in and returns it as the use cases see it.
func (f *fixture) actor(t *testing.T, username string) *auth.Actor {
	t.Helper()
	token, err := f.env.Svc.Auth.Login(f.ctx, username, demo.DemoPassword, "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	a, err := f.env.Svc.Auth.SessionActor(f.ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func (f *fixture) group(name string) int64 { return f.env.Town.Groups[name].ID }

// idNumber makes a valid id number (region 530326, unused by the demo)
// for someone born on birth; each call gives a new one.
func (f *fixture) idNumber(birth time.Time) string {
	f.seq++
	first17 := fmt.Sprintf("530326%s%03d", birth.Format("20060102"), f.seq%1000)
	return first17 + string(people.CheckDigit(first17))
}

func day(s string) time.Time {
	t, err := db.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return t
}

// add enters a member on a group branch as the system.
func (f *fixture) add(t *testing.T, group string, in members.MemberInput) members.Member {
	t.Helper()
	in.OrgID = f.group(group)
	if in.Name == "" {
		in.Name = "测试党员"
	}
	if in.IDNumber == "" {
		in.IDNumber = f.idNumber(day("1980-05-06"))
	}
	m, err := f.svc.Add(f.ctx, nil, in)
	if err != nil {
		t.Fatalf("add %+v: %v", in, err)
	}
	return m
}

func TestRoster(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		t.Run("add", f.testAdd)
		t.Run("scope", f.testScope)
		t.Run("transfer and leave", f.testTransferLeave)
		t.Run("list", f.testList)
		t.Run("pipeline gates", f.testPipeline)
		t.Run("a step's day in the report", f.testStepDayInReport)
		t.Run("applicant age", f.testApplicantAge)
		t.Run("board", f.testBoard)
		t.Run("cultivation", f.testCultivation)
		t.Run("import", f.testImport)
		t.Run("export", f.testExport)
	})
}

func (f *fixture) testAdd(t *testing.T) {
	birth := day("1985-03-10")
	number := f.idNumber(birth)
	m := f.add(t, "海丹一组", members.MemberInput{Name: "王芳", IDNumber: number, Status: members.StatusFull,
		JoinedOn: day("2010-07-01"), FullOn: day("2011-07-01"), Category: "veteran"})
	if !m.BirthDate.Time().Equal(birth) || m.IDMasked != people.Mask(number) || m.OrgName != "海丹一组党支部" {
		t.Fatalf("stored %+v", m)
	}
	var cipher []byte
	if err := f.env.DB.QueryRow(`SELECT id_cipher FROM members WHERE id = $1`, m.ID).Scan(&cipher); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(cipher), number) {
		t.Fatal("the id number is stored in clear")
	}
	_, err := f.svc.Add(f.ctx, nil, members.MemberInput{OrgID: f.group("海丹一组"), Name: "重复", IDNumber: number,
		Status: members.StatusFull, JoinedOn: day("2010-07-01"), FullOn: day("2011-07-01")})
	want.Field(t, err, "id_number", "member.duplicate_id")

	bad := f.idNumber(birth)
	bad = bad[:17] + string("0123456789X"[(strings.IndexByte("0123456789X", bad[17])+1)%11])
	cases := []struct {
		name  string
		in    members.MemberInput
		field string
		key   string
	}{
		{"check digit", members.MemberInput{IDNumber: bad, Status: members.StatusFull, JoinedOn: day("2010-07-01"), FullOn: day("2011-07-01")}, "id_number", "idnumber.check"},
		{"join before birth", members.MemberInput{Status: members.StatusProbationary, JoinedOn: day("1970-01-01")}, "joined_on", "member.date_before_birth"},
		{"join under 18", members.MemberInput{Status: members.StatusProbationary, JoinedOn: day("1998-05-05")}, "joined_on", "member.joined_underage"},
		{"full before join", members.MemberInput{Status: members.StatusFull, JoinedOn: day("2010-07-01"), FullOn: day("2010-06-30")}, "full_on", "member.full_before_joined"},
		{"full within a year", members.MemberInput{Status: members.StatusFull, JoinedOn: day("2010-07-01"), FullOn: day("2011-06-30")}, "full_on", "member.full_before_probation"},
		{"future", members.MemberInput{Status: members.StatusProbationary, JoinedOn: day("2026-11-27")}, "joined_on", "member.date_future"},
		{"status", members.MemberInput{Status: members.StatusCandidate, JoinedOn: day("2010-07-01")}, "status", "member.status_roster"},
	}
	for _, c := range cases {
		c.in.OrgID, c.in.Name = f.group("海丹一组"), "某人"
		if c.in.IDNumber == "" {
			c.in.IDNumber = f.idNumber(day("1980-05-06"))
		}
		_, err := f.svc.Add(f.ctx, nil, c.in)
		if e := apperr.As(err); e == nil || e.Fields[c.field].Key != c.key {
			t.Errorf("%s: want %s on %s, got %v", c.name, c.key, c.field, err)
		}
	}
}

func (f *fixture) testScope(t *testing.T) {
	haidan, haiga := f.actor(t, "haidan"), f.actor(t, "haiga")
	theirs := f.add(t, "海戛二组", members.MemberInput{Status: members.StatusFull, JoinedOn: day("2000-07-01"), FullOn: day("2001-07-01")})
	ours := f.add(t, "海丹二组", members.MemberInput{Status: members.StatusFull, JoinedOn: day("2000-07-01"), FullOn: day("2001-07-01")})
	if _, err := f.svc.Get(f.ctx, haidan, ours.ID); err != nil {
		t.Fatalf("haidan reads a 海丹 member: %v", err)
	}
	if _, err := f.svc.Get(f.ctx, haiga, theirs.ID); err != nil {
		t.Fatalf("haiga reads a 海戛 member: %v", err)
	}
	checks := map[string]error{}
	_, checks["get"] = f.svc.Get(f.ctx, haidan, theirs.ID)
	_, checks["detail"] = f.svc.Detail(f.ctx, haidan, theirs.ID)
	_, checks["update"] = f.svc.Update(f.ctx, haidan, theirs.ID, members.MemberUpdate{Name: "改名"})
	_, checks["leave"] = f.svc.Leave(f.ctx, haidan, theirs.ID, members.LeaveInput{Reason: members.LeftDied, On: day("2026-01-01")})
	_, checks["step"] = f.svc.RecordStep(f.ctx, haidan, theirs.ID, members.StepInput{Step: members.StepExtend, On: day("2026-01-01"), Months: 6})
	_, checks["tag"] = f.svc.AddTag(f.ctx, haidan, theirs.ID, members.TagInput{Kind: members.TagMemberToRich, StartedOn: day("2026-01-01")})
	_, checks["list"] = f.svc.List(f.ctx, haidan, members.Filter{OrgID: f.env.Town.Villages["海戛"].ID})
	_, checks["board"] = f.svc.Board(f.ctx, haidan, f.env.Town.Villages["海戛"].ID)
	for name, err := range checks {
		if apperr.KindOf(err) != apperr.KindNotFound {
			t.Errorf("%s on a 海戛 member as haidan: want not found, got %v", name, err)
		}
	}
	// A branch named in the input is refused as one that does not exist.
	for _, orgID := range []int64{f.group("海戛一组"), 99999999} {
		_, err := f.svc.Add(f.ctx, haidan, members.MemberInput{OrgID: orgID, Name: "某人",
			IDNumber: f.idNumber(day("1980-01-01")), Status: members.StatusProbationary, JoinedOn: day("2026-01-01")})
		want.Field(t, err, "org_id", "member.org_unknown")
	}
	list, err := f.svc.List(f.ctx, haidan, members.Filter{Status: "all", Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range list {
		if !strings.HasPrefix(m.OrgName, "海丹") {
			t.Fatalf("haidan's list shows %s of %s", m.Name, m.OrgName)
		}
	}
	// A supervisor may read but not change.
	jiandu := f.actor(t, "jiandu")
	if _, err := f.svc.Get(f.ctx, jiandu, ours.ID); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.Update(f.ctx, jiandu, ours.ID, members.MemberUpdate{Name: "改名"})
	want.Kind(t, err, apperr.KindForbidden)
}

func (f *fixture) testTransferLeave(t *testing.T) {
	admin, haidan := f.actor(t, "admin"), f.actor(t, "haidan")
	m := f.add(t, "海丹三组", members.MemberInput{Status: members.StatusFull, JoinedOn: day("2000-07-01"), FullOn: day("2001-07-01")})
	_, err := f.svc.Transfer(f.ctx, haidan, m.ID, members.TransferInput{ToOrgID: f.group("海戛三组"), On: day("2026-10-01")})
	want.Field(t, err, "to_org_id", "member.org_unknown")
	moved, err := f.svc.Transfer(f.ctx, haidan, m.ID, members.TransferInput{ToOrgID: f.group("海丹四组"), On: day("2026-10-01"), Note: "搬迁"})
	if err != nil || moved.OrgID != f.group("海丹四组") {
		t.Fatalf("transfer within 海丹: %+v %v", moved, err)
	}
	moved, err = f.svc.Transfer(f.ctx, admin, m.ID, members.TransferInput{ToOrgID: f.group("海戛三组"), On: day("2026-11-01")})
	if err != nil || moved.OrgID != f.group("海戛三组") {
		t.Fatalf("transfer by the town: %+v %v", moved, err)
	}
	if _, err := f.svc.Get(f.ctx, haidan, m.ID); apperr.KindOf(err) != apperr.KindNotFound {
		t.Fatalf("after the move haidan should no longer see the member: %v", err)
	}
	hist, err := f.svc.History(f.ctx, admin, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var transfers []string
	for _, e := range hist {
		if e.Kind == members.EventTransfer {
			transfers = append(transfers, e.FromOrg+"→"+e.ToOrg)
		}
	}
	if want := "海丹三组党支部→海丹四组党支部 海丹四组党支部→海戛三组党支部"; strings.Join(transfers, " ") != want {
		t.Fatalf("transfer history %v, want %s", transfers, want)
	}
	_, err = f.svc.Leave(f.ctx, admin, m.ID, members.LeaveInput{Reason: "moved", On: day("2026-11-02")})
	want.Field(t, err, "reason", "member.leave_reason_unknown")
	left, err := f.svc.Leave(f.ctx, admin, m.ID, members.LeaveInput{Reason: members.LeftTransferredOut, On: day("2026-11-02"), Note: "转至曲靖市"})
	if err != nil || left.Status != members.StatusLeft || left.LeftReason != members.LeftTransferredOut {
		t.Fatalf("leave: %+v %v", left, err)
	}
	if _, err := f.svc.Get(f.ctx, admin, m.ID); err != nil {
		t.Fatalf("a member who left is still on record: %v", err)
	}
	_, err = f.svc.Leave(f.ctx, admin, m.ID, members.LeaveInput{Reason: members.LeftDied, On: day("2026-11-03")})
	want.Rule(t, err, "member.left", "2026-11-02")
	var audits int
	f.env.DB.QueryRow(`SELECT COUNT(*) FROM audit_log WHERE entity = 'member' AND entity_id = $1`, m.ID).Scan(&audits)
	if audits != 4 { // create, two transfers, leave
		t.Fatalf("audit records for the member: %d, want 4", audits)
	}
}

func (f *fixture) testList(t *testing.T) {
	admin := f.actor(t, "admin")
	for i := 0; i < 5; i++ {
		f.add(t, "得戛四组", members.MemberInput{Name: fmt.Sprintf("翻页%d", i), Status: members.StatusFull,
			JoinedOn: day("2000-07-01"), FullOn: day("2001-07-01"), Mobile: i == 2})
	}
	var seen []string
	var after int64
	for {
		page, err := f.svc.List(f.ctx, admin, members.Filter{OrgID: f.env.Town.Villages["得戛"].ID, Name: "翻页", AfterID: after, Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range page {
			seen = append(seen, m.Name)
		}
		if len(page) < 2 {
			break
		}
		after = page[len(page)-1].ID
	}
	if strings.Join(seen, ",") != "翻页0,翻页1,翻页2,翻页3,翻页4" {
		t.Fatalf("pages gave %v", seen)
	}
	mobile, err := f.svc.List(f.ctx, admin, members.Filter{OrgID: f.group("得戛四组"), Name: "翻页", Mobile: true})
	if err != nil || len(mobile) != 1 || mobile[0].Name != "翻页2" {
		t.Fatalf("mobile filter: %v %v", mobile, err)
	}
}
