package orglife_test

import (
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/orglife"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// ghost is an id no record has.
const ghost = 99999999

// TestActivityInputIDsInScope: the member ids an activity form carries
// (attendees, grades, a duty's or a star's or a grant's member, an account
// to link) answer for another village's record exactly as for none.
func TestActivityInputIDsInScope(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ours := w.Full(w.HD1, "张一")
		theirs := w.Full(w.HG1, "海戛党员")
		haigaUser := w.Actor("haiga-user", auth.RoleMember, w.HG1)
		// A town admin's powers bound to 海丹 only: manages 海丹's accounts.
		haidanAdmin := testkit.ActorOn("haidan-admin", auth.RoleTownAdmin, w.Haidan)
		for _, id := range []int64{theirs, ghost} {
			_, err := w.svc.RecordMeeting(w.Ctx, w.Sec1, orglife.NewMeeting{OrgID: w.HD1.ID, Kind: orglife.MeetingAssembly,
				Topic: "学习", HeldOn: ymd(2026, 11, 10), Attendance: []orglife.AttendanceInput{
					{MemberID: ours, Present: true}, {MemberID: id, Present: true}}})
			want.Field(t, err, "attendance", "meeting.attendee_unknown")
			_, err = w.svc.RecordEvaluation(w.Ctx, w.Sec1, orglife.NewEvaluation{OrgID: w.HD1.ID, Year: 2026,
				HeldOn: ymd(2026, 11, 20), Grades: []orglife.GradeInput{{MemberID: id, Grade: orglife.GradeExcellent}}})
			want.Field(t, err, "grades", "evaluation.not_in_branch")
			_, err = w.svc.AssignDuty(w.Ctx, w.Sec1, orglife.NewDuty{MemberID: id, Year: 2026, Post: "岗", Duty: "职责"})
			want.Kind(t, err, apperr.KindNotFound)
			_, err = w.svc.RateMember(w.Ctx, w.Sec1, orglife.NewRating{MemberID: id, Year: 2026, Leads: orglife.FiveLeads})
			want.Kind(t, err, apperr.KindNotFound)
			_, err = w.svc.ProposeGrant(w.Ctx, w.Sec1, orglife.NewGrant{MemberID: id, Amount: 100, Reason: "因病"})
			want.Kind(t, err, apperr.KindNotFound)
			_, err = w.svc.SubmitSuggestion(w.Ctx, w.Sec1, orglife.NewSuggestion{MemberID: id, Title: "建议", Body: "内容"})
			want.Kind(t, err, apperr.KindNotFound)
			_, err = w.members.AddTag(w.Ctx, w.Sec1, id, members.TagInput{Kind: members.TagMemberToRich, StartedOn: ymd(2026, 1, 1).Time()})
			want.Kind(t, err, apperr.KindNotFound)
			_, err = w.svc.RecordMeetings(w.Ctx, w.Sec1, w.HD1.ID, []orglife.NewMeeting{{Kind: orglife.MeetingAssembly,
				Topic: "学习", HeldOn: ymd(2026, 11, 10), Attendance: []orglife.AttendanceInput{{MemberID: id, Present: true}}}})
			want.Field(t, err, "attendance", "meeting.attendee_unknown")
		}
		for _, userID := range []int64{haigaUser.UserID, ghost} {
			want.Field(t, w.members.LinkAccount(w.Ctx, haidanAdmin, ours, userID), "user_id", "self.user_unknown")
		}
		mine := w.Actor("haidan-user", auth.RoleMember, w.HD1)
		want.OK(t, w.members.LinkAccount(w.Ctx, haidanAdmin, ours, mine.UserID))
	})
}
