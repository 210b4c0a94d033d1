package orglife_test

import (
	"encoding/json"
	"strings"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/orglife"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

func TestSelfService(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		me := w.Full(w.HD1, "张自己")
		other := w.Full(w.HD1, "李别人")
		w.Probationary(w.HD1, "赵预备", ymd(2026, 2, 1).Time())
		user := w.memberActor("zhangziji", me, w.HD1)
		otherUser := w.memberActor("libieren", other, w.HD1)

		// Records about both members.
		att := []orglife.AttendanceInput{{MemberID: me, Present: true}, {MemberID: other, Reason: "外出务工李别人"}}
		_, err := w.svc.RecordMeeting(w.Ctx, w.Sec1, orglife.NewMeeting{OrgID: w.HD1.ID, Kind: orglife.MeetingCommittee,
			Topic: "研究发展党员", HeldOn: ymd(2026, 11, 5), Attendance: att})
		want.OK(t, err)
		_, err = w.svc.RecordMeeting(w.Ctx, w.Sec1, orglife.NewMeeting{OrgID: w.HD1.ID, Kind: orglife.MeetingCommittee,
			Topic: "别人参加的会", HeldOn: ymd(2026, 11, 6), Attendance: []orglife.AttendanceInput{{MemberID: other, Present: true}}})
		want.OK(t, err)
		_, err = w.svc.RateMember(w.Ctx, w.Sec1, orglife.NewRating{MemberID: me, Year: 2026, Leads: []string{"study", "serve", "law"}})
		want.OK(t, err)
		_, err = w.svc.RateMember(w.Ctx, w.Sec1, orglife.NewRating{MemberID: other, Year: 2026, Leads: []string{"study"}, Note: "别人的评语"})
		want.OK(t, err)
		_, err = w.svc.AssignDuty(w.Ctx, w.Sec1, orglife.NewDuty{MemberID: me, Year: 2026, Post: "环境卫生监督岗", Duty: "每周巡查"})
		want.OK(t, err)
		_, err = w.svc.AssignDuty(w.Ctx, w.Sec1, orglife.NewDuty{MemberID: other, Year: 2026, Post: "别人的岗位", Duty: "别人的职责"})
		want.OK(t, err)
		_, err = w.svc.SubmitOwnSuggestion(w.Ctx, otherUser, "别人的建议", "别人的内容")
		want.OK(t, err)
		mine, err := w.svc.SubmitOwnSuggestion(w.Ctx, user, "我的建议", "修水窖")
		want.OK(t, err)

		r, err := w.svc.Self(w.Ctx, user, 0)
		want.OK(t, err)
		if !r.Linked || r.Member.Name != "张自己" || r.Member.OrgName != w.HD1.Name || !strings.Contains(r.Member.IDMasked, "********") {
			t.Fatalf("record %+v", r.Member)
		}
		if len(r.Meetings) != 1 || !r.Meetings[0].Present || r.Attended != 1 || len(r.Stars) != 1 || r.Stars[0].Stars != 3 ||
			len(r.Duties) != 1 || len(r.Suggestions) != 1 || r.Suggestions[0].ID != mine.ID {
			t.Fatalf("self record %+v", r)
		}
		// Nothing of the other member appears anywhere in the record.
		b, _ := json.Marshal(r)
		for _, leak := range []string{"李别人", "别人", other4(other)} {
			if strings.Contains(string(b), leak) {
				t.Fatalf("the record shows %q of another member: %s", leak, b)
			}
		}

		// A member has no reading scope over others.
		_, err = w.svc.GetMeeting(w.Ctx, user, r.Meetings[0].MeetingID)
		want.Kind(t, err, apperr.KindNotFound)
		list, err := w.svc.ListMeetings(w.Ctx, user, orglife.MeetingFilter{})
		want.OK(t, err)
		if len(list) != 0 {
			t.Fatal("a member lists the branch's meetings")
		}
		_, _, err = w.svc.BranchStars(w.Ctx, user, w.HD1.ID, 2026)
		want.Kind(t, err, apperr.KindNotFound)

		// An account without a member record.
		r, err = w.svc.Self(w.Ctx, w.Admin, 0)
		want.OK(t, err)
		if r.Linked {
			t.Fatal("the admin is linked to a member")
		}

		// One account, one member.
		err = w.members.LinkAccount(w.Ctx, nil, other, user.UserID)
		want.Kind(t, err, apperr.KindConflict)
		err = w.members.LinkAccount(w.Ctx, w.Sec1, me, user.UserID)
		want.Kind(t, err, apperr.KindForbidden) // a secretary does not manage accounts
	})
}

// other4 is a string that only the other member's id would print as.
func other4(id int64) string { return `"member_id":` + itoa(id) + `,` }

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }
