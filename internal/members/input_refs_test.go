package members_test

import (
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// ghost is an id no record has.
const ghost = 99999999

// resident registers a resident with a fresh id number in a village's
// first household, as the system, and returns it with the number.
func (f *fixture) resident(t *testing.T, village string) (people.Resident, string) {
	t.Helper()
	hs, err := f.env.Svc.People.ListHouseholds(f.ctx, f.env.ActorFor(t, "admin"), people.HouseholdFilter{OrgID: f.env.Town.Villages[village].ID, Limit: 1})
	if err != nil || len(hs) != 1 {
		t.Fatalf("no household in %s: %v", village, err)
	}
	number := f.idNumber(day("1980-05-06"))
	r, err := f.env.Svc.People.AddResident(f.ctx, nil, people.ResidentInput{HouseholdID: hs[0].ID, Name: "登记居民",
		IDNumber: number, Relation: "other"})
	if err != nil {
		t.Fatal(err)
	}
	return r, number
}

// TestRosterInputIDsInScope: every id a roster use case takes from its
// input is looked up with the same scope decision as the record itself;
// one outside the actor's sight answers exactly as one that does not
// exist, and a resident out of sight is never linked (nor its id shown).
func TestRosterInputIDsInScope(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		haidan := f.env.ActorFor(t, "haidan")
		full := members.MemberInput{Name: "新党员", Status: members.StatusFull, JoinedOn: day("2000-07-01"), FullOn: day("2001-07-01")}

		t.Run("resident linked only within sight", func(t *testing.T) {
			theirs, theirNumber := f.resident(t, "海戛")
			ours, ourNumber := f.resident(t, "海丹")
			in := full
			in.OrgID, in.IDNumber = f.group("海丹一组"), theirNumber
			m, err := f.svc.Add(f.ctx, haidan, in)
			if err != nil {
				t.Fatal(err)
			}
			if m.ResidentID != 0 {
				t.Fatalf("a 海丹 member is linked to 海戛 resident %d (%d)", m.ResidentID, theirs.ID)
			}
			// Correcting the number to a 海丹 resident's links them.
			m, err = f.svc.Update(f.ctx, haidan, m.ID, members.MemberUpdate{Name: m.Name, IDNumber: ourNumber, Category: m.Category})
			if err != nil {
				t.Fatal(err)
			}
			if m.ResidentID != ours.ID {
				t.Fatalf("linked to %d, want the 海丹 resident %d", m.ResidentID, ours.ID)
			}
			// The system links whoever has the number.
			_, n2 := f.resident(t, "海戛")
			in.IDNumber = n2
			if m, err = f.svc.Add(f.ctx, nil, in); err != nil || m.ResidentID == 0 {
				t.Fatalf("system add: resident %d, %v", m.ResidentID, err)
			}
			// Nor does a bulk load link out of sight.
			_, n3 := f.resident(t, "海戛")
			in.IDNumber = n3
			ids, err := f.svc.BulkAdd(f.ctx, haidan, f.env.Town.Villages["海丹"].ID, []members.MemberInput{in})
			if err != nil {
				t.Fatal(err)
			}
			if m, err := f.svc.Get(f.ctx, haidan, ids[0]); err != nil || m.ResidentID != 0 {
				t.Fatalf("bulk add linked resident %d: %v", m.ResidentID, err)
			}
		})

		t.Run("organisation out of sight", func(t *testing.T) {
			mine := f.add(t, "海丹二组", full)
			for _, orgID := range []int64{f.group("海戛一组"), ghost} {
				in := full
				in.OrgID, in.IDNumber = orgID, f.idNumber(day("1980-05-06"))
				_, err := f.svc.Add(f.ctx, haidan, in)
				want.Field(t, err, "org_id", "member.org_unknown")
				_, err = f.svc.Transfer(f.ctx, haidan, mine.ID, members.TransferInput{ToOrgID: orgID, On: day("2026-01-01")})
				want.Field(t, err, "to_org_id", "member.org_unknown")
				_, err = f.svc.StartImport(f.ctx, haidan, orgID, "花名册.xlsx", []byte("x"))
				want.Field(t, err, "org_id", "member.org_unknown")
				_, err = f.svc.BulkAdd(f.ctx, haidan, orgID, []members.MemberInput{in})
				want.Kind(t, err, apperr.KindNotFound)
			}
			// Readable but not writable: a supervisor of 海丹.
			jiandu := f.env.ActorFor(t, "jiandu")
			in := full
			in.OrgID, in.IDNumber = f.group("海丹一组"), f.idNumber(day("1980-05-06"))
			_, err := f.svc.Add(f.ctx, jiandu, in)
			want.Kind(t, err, apperr.KindForbidden)
			_, err = f.svc.StartImport(f.ctx, jiandu, f.group("海丹一组"), "花名册.xlsx", []byte("x"))
			want.Kind(t, err, apperr.KindForbidden)
		})

		t.Run("import links within its organisation", func(t *testing.T) {
			_, theirNumber := f.resident(t, "海戛")
			ours, ourNumber := f.resident(t, "海丹")
			job, err := f.svc.StartImport(f.ctx, haidan, f.env.Town.Villages["海丹"].ID, "海丹.xlsx", workbook(t, [][]any{
				{"导入甲", ourNumber, "海丹一组", "正式党员", "2000-07-01", "2001-07-01"},
				{"导入乙", theirNumber, "海丹一组", "正式党员", "2000-07-01", "2001-07-01"},
			}))
			want.OK(t, err)
			if job, err = f.svc.Import(f.ctx, haidan, job.ID); err != nil || job.State != members.ImportDone {
				t.Fatalf("import: %+v, %v", job, err)
			}
			linked := map[string]int64{}
			rows, err := d.QueryContext(f.ctx, `SELECT name, COALESCE(resident_id, 0) FROM members WHERE name IN ('导入甲', '导入乙')`)
			want.OK(t, err)
			for rows.Next() {
				var name string
				var id int64
				want.OK(t, rows.Scan(&name, &id))
				linked[name] = id
			}
			want.OK(t, rows.Err())
			rows.Close()
			if linked["导入甲"] != ours.ID || linked["导入乙"] != 0 || len(linked) != 2 {
				t.Fatalf("linked %v, want 导入甲 to %d and 导入乙 to nobody", linked, ours.ID)
			}
		})
	})
}

// TestActivityInputIDsInScope: the member ids an activity form carries
// (attendees, grades, a duty's or a star's or a grant's member, an account
// to link) answer for another village's record exactly as for none.
func TestActivityInputIDsInScope(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ours := w.full(w.hd1, "张一")
		theirs := w.full(w.hg1, "海戛党员")
		haigaUser := w.actor("haiga-user", auth.RoleMember, w.hg1)
		// A town admin's powers bound to 海丹 only: manages 海丹's accounts.
		haidanAdmin := testkit.ActorOn("haidan-admin", auth.RoleTownAdmin, w.haidan)
		for _, id := range []int64{theirs, ghost} {
			_, err := w.svc.RecordMeeting(w.ctx, w.sec1, members.NewMeeting{OrgID: w.hd1.ID, Kind: members.MeetingAssembly,
				Topic: "学习", HeldOn: ymd(2026, 11, 10), Attendance: []members.AttendanceInput{
					{MemberID: ours, Present: true}, {MemberID: id, Present: true}}})
			want.Field(t, err, "attendance", "meeting.attendee_unknown")
			_, err = w.svc.RecordEvaluation(w.ctx, w.sec1, members.NewEvaluation{OrgID: w.hd1.ID, Year: 2026,
				HeldOn: ymd(2026, 11, 20), Grades: []members.GradeInput{{MemberID: id, Grade: members.GradeExcellent}}})
			want.Field(t, err, "grades", "evaluation.not_in_branch")
			_, err = w.svc.AssignDuty(w.ctx, w.sec1, members.NewDuty{MemberID: id, Year: 2026, Post: "岗", Duty: "职责"})
			want.Kind(t, err, apperr.KindNotFound)
			_, err = w.svc.RateMember(w.ctx, w.sec1, members.NewRating{MemberID: id, Year: 2026, Leads: members.FiveLeads})
			want.Kind(t, err, apperr.KindNotFound)
			_, err = w.svc.ProposeGrant(w.ctx, w.sec1, members.NewGrant{MemberID: id, Amount: 100, Reason: "因病"})
			want.Kind(t, err, apperr.KindNotFound)
			_, err = w.svc.SubmitSuggestion(w.ctx, w.sec1, members.NewSuggestion{MemberID: id, Title: "建议", Body: "内容"})
			want.Kind(t, err, apperr.KindNotFound)
			_, err = w.svc.AddTag(w.ctx, w.sec1, id, members.TagInput{Kind: members.TagMemberToRich, StartedOn: ymd(2026, 1, 1)})
			want.Kind(t, err, apperr.KindNotFound)
			_, err = w.svc.RecordMeetings(w.ctx, w.sec1, w.hd1.ID, []members.NewMeeting{{Kind: members.MeetingAssembly,
				Topic: "学习", HeldOn: ymd(2026, 11, 10), Attendance: []members.AttendanceInput{{MemberID: id, Present: true}}}})
			want.Field(t, err, "attendance", "meeting.attendee_unknown")
		}
		for _, userID := range []int64{haigaUser.UserID, ghost} {
			want.Field(t, w.svc.LinkAccount(w.ctx, haidanAdmin, ours, userID), "user_id", "self.user_unknown")
		}
		mine := w.actor("haidan-user", auth.RoleMember, w.hd1)
		want.OK(t, w.svc.LinkAccount(w.ctx, haidanAdmin, ours, mine.UserID))
	})
}

// TestMemberTextAndPhone: the roster refuses control characters in names
// and states the registry's phone rule, so a number accepted for a
// resident is accepted for the same person as a member.
func TestMemberTextAndPhone(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		in := members.MemberInput{OrgID: f.group("海丹一组"), Status: members.StatusFull, JoinedOn: day("2000-07-01"),
			FullOn: day("2001-07-01")}
		for _, name := range []string{"李\x00四", "李\u202e四"} {
			in.Name, in.IDNumber = name, f.idNumber(day("1980-05-06"))
			_, err := f.svc.Add(f.ctx, nil, in)
			want.Field(t, err, "name", "error.text_chars")
		}
		in.Name, in.IDNumber, in.Phone = "李四", f.idNumber(day("1980-05-06")), "138-0013-800a"
		_, err := f.svc.Add(f.ctx, nil, in)
		want.Field(t, err, "phone", "error.phone_format")
		in.Phone = "+86 138 0013 8000"
		m, err := f.svc.Add(f.ctx, nil, in)
		want.OK(t, err)
		_, err = f.svc.Update(f.ctx, nil, m.ID, members.MemberUpdate{Name: "李\u2066四", Category: m.Category})
		want.Field(t, err, "name", "error.text_chars")
	})
}
