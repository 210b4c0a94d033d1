package orglife_test

import (
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/orglife"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// A branch types in its paper minutes of the year in one go: every
// meeting is checked against the members of its own day, each gets its
// audit record, and one bad meeting records none.
func TestRecordMeetings(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		a1, a2, a3 := w.Full(w.HD1, "张一"), w.Full(w.HD1, "李二"), w.Full(w.HD1, "王三")
		p1 := w.Probationary(w.HD1, "赵四", ymd(2026, 3, 1).Time())
		present := func(ids ...int64) []orglife.AttendanceInput {
			var out []orglife.AttendanceInput
			for _, id := range ids {
				out = append(out, orglife.AttendanceInput{MemberID: id, Present: true})
			}
			return out
		}
		year := []orglife.NewMeeting{
			// Before 赵四 joined: three expected.
			{Kind: orglife.MeetingAssembly, Topic: "一季度党员大会", HeldOn: ymd(2026, 2, 10), Attendance: present(a1, a2, a3)},
			{Kind: orglife.MeetingCommittee, Topic: "十月支委会", HeldOn: ymd(2026, 10, 5), Attendance: present(a1, a2)},
			{Kind: orglife.MeetingAssembly, Topic: "四季度党员大会", HeldOn: ymd(2026, 11, 10),
				Attendance: append(present(a1, a2, p1), orglife.AttendanceInput{MemberID: a3, Reason: "外出务工"})},
		}
		ids, err := w.svc.RecordMeetings(w.Ctx, w.Sec1, w.HD1.ID, year)
		want.OK(t, err)
		if len(ids) != 3 || w.AuditCount("meeting.record") != 3 {
			t.Fatalf("%d meetings recorded, %d audit records", len(ids), w.AuditCount("meeting.record"))
		}
		wantCounts := []struct{ expected, present int }{{3, 3}, {2, 2}, {4, 3}}
		for i, id := range ids {
			m, err := w.svc.GetMeeting(w.Ctx, w.HaidanLeader, id)
			want.OK(t, err)
			if m.Expected != wantCounts[i].expected || m.Present != wantCounts[i].present || !m.Counts || m.OrgID != w.HD1.ID {
				t.Errorf("meeting %d read back as %d/%d (counts %v)", i+1, m.Present, m.Expected, m.Counts)
			}
		}

		// 赵四 on the list before joining, or an absentee without a
		// reason: the whole batch is refused and nothing more is stored.
		early := orglife.NewMeeting{Kind: orglife.MeetingThemeDay, Topic: "主题党日", HeldOn: ymd(2026, 2, 1), Attendance: present(a1, a2, a3, p1)}
		_, err = w.svc.RecordMeetings(w.Ctx, w.Sec1, w.HD1.ID, []orglife.NewMeeting{year[1], early})
		want.Field(t, err, "attendance", "meeting.attendee_unknown")
		noReason := year[2]
		noReason.Attendance = present(a1, a2, p1)
		_, err = w.svc.RecordMeetings(w.Ctx, w.Sec1, w.HD1.ID, []orglife.NewMeeting{year[1], noReason})
		want.Rule(t, err, "meeting.absence_reason")
		list, err := w.svc.ListMeetings(w.Ctx, w.HaidanLeader, orglife.MeetingFilter{OrgID: w.HD1.ID})
		want.OK(t, err)
		if len(list) != 3 {
			t.Fatalf("%d meetings after two refused batches, want 3", len(list))
		}

		// Scope as for one meeting; a meeting of another branch in the
		// batch is refused.
		_, err = w.svc.RecordMeetings(w.Ctx, w.HaigaLeader, w.HD1.ID, year)
		want.Kind(t, err, apperr.KindNotFound)
		other := year[0]
		other.OrgID = w.HD2.ID
		if _, err := w.svc.RecordMeetings(w.Ctx, w.Sec1, w.HD1.ID, []orglife.NewMeeting{other}); err == nil {
			t.Fatal("a meeting of 海丹二组 was recorded in 海丹一组's batch")
		}
	})
}
