package orglife_test

import (
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/orglife"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

func TestRecordMeeting(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		a1, a2, a3 := w.Full(w.HD1, "张一"), w.Full(w.HD1, "李二"), w.Full(w.HD1, "王三")
		p1 := w.Probationary(w.HD1, "赵四", ymd(2026, 3, 1).Time())
		later := w.Probationary(w.HD1, "钱五", ymd(2026, 11, 20).Time()) // joined after the meeting below
		w.Full(w.HG1, "海戛党员")
		held := ymd(2026, 11, 10)
		in := orglife.NewMeeting{OrgID: w.HD1.ID, Kind: orglife.MeetingAssembly, Topic: "学习党的二十届四中全会精神", HeldOn: held, Place: "海丹一组活动室",
			Minutes: "会议纪要", Attendance: []orglife.AttendanceInput{{MemberID: a1, Present: true}, {MemberID: a2, Present: true},
				{MemberID: a3, Reason: "外出务工"}, {MemberID: p1, Present: true}}}

		m, err := w.svc.RecordMeeting(w.Ctx, w.Sec1, in)
		want.OK(t, err)
		if m.Expected != 4 || m.Present != 3 || m.VotingExpected != 3 || m.VotingPresent != 2 || !m.Counts {
			t.Fatalf("recorded %+v", m)
		}
		if w.AuditCount("meeting.record") != 1 {
			t.Fatal("no audit record")
		}
		got, err := w.svc.GetMeeting(w.Ctx, w.HaidanLeader, m.ID)
		want.OK(t, err)
		if len(got.Attendance) != 4 || got.Topic != in.Topic || got.HeldOn != held || got.Attendance[0].Name == "" {
			t.Fatalf("read back %+v", got)
		}
		for _, l := range got.Attendance {
			if l.MemberID == later {
				t.Fatal("a member who joined after the meeting is on its list")
			}
			if l.MemberID == a3 && (l.Present || l.Reason != "外出务工") {
				t.Fatalf("absentee line %+v", l)
			}
		}

		// Scope: 海戛 cannot see or record 海丹's meetings; the secretary of
		// one branch cannot record for the next.
		_, err = w.svc.GetMeeting(w.Ctx, w.HaigaLeader, m.ID)
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.RecordMeeting(w.Ctx, w.HaigaLeader, in)
		want.Kind(t, err, apperr.KindNotFound)
		in2 := in
		in2.OrgID = w.HD2.ID
		_, err = w.svc.RecordMeeting(w.Ctx, w.Sec1, in2)
		want.Kind(t, err, apperr.KindNotFound)
		list, err := w.svc.ListMeetings(w.Ctx, w.HaigaLeader, orglife.MeetingFilter{})
		want.OK(t, err)
		if len(list) != 0 {
			t.Fatalf("海戛 lists %d of 海丹's meetings", len(list))
		}

		// Below quorum: recorded, flagged, not counting.
		low := in
		low.Attendance = []orglife.AttendanceInput{{MemberID: a1, Present: true}, {MemberID: a2, Reason: "生病"},
			{MemberID: a3, Reason: "外出务工"}, {MemberID: p1, Present: true}}
		m2, err := w.svc.RecordMeeting(w.Ctx, w.Sec1, low)
		want.OK(t, err)
		if m2.Counts || m2.QuorumProblem() == nil || m2.QuorumProblem().Rule != "meeting.quorum_members" {
			t.Fatalf("below quorum recorded as %+v", m2)
		}

		// The date may be today but not tomorrow.
		fut := in
		fut.HeldOn = day.Today(w.Clock).AddDays(1)
		_, err = w.svc.RecordMeeting(w.Ctx, w.Sec1, fut)
		want.Field(t, err, "held_on", "meeting.date_future")
		// Today 钱五 has joined, so today's list must account for them.
		fut.HeldOn = day.Today(w.Clock)
		_, err = w.svc.RecordMeeting(w.Ctx, w.Sec1, fut)
		want.Rule(t, err, "meeting.absence_reason")
		fut.Attendance = append(fut.Attendance, orglife.AttendanceInput{MemberID: later, Present: true})
		_, err = w.svc.RecordMeeting(w.Ctx, w.Sec1, fut)
		want.OK(t, err)

		// A 党课 needs its speaker; 副科级以上 is recorded and listed.
		lec := orglife.NewMeeting{OrgID: w.HD1.ID, Kind: orglife.MeetingLecture, Topic: "党课：牢记初心使命", HeldOn: held,
			Attendance: in.Attendance}
		_, err = w.svc.RecordMeeting(w.Ctx, w.Sec1, lec)
		want.Field(t, err, "speaker", "error.required")
		lec.Speaker, lec.SpeakerTitle, lec.SpeakerSenior = "李建国", "镇党委副书记", true
		ml, err := w.svc.RecordMeeting(w.Ctx, w.Sec1, lec)
		want.OK(t, err)
		senior, err := w.svc.ListMeetings(w.Ctx, w.Admin, orglife.MeetingFilter{SeniorOnly: true})
		want.OK(t, err)
		if len(senior) != 1 || senior[0].ID != ml.ID || senior[0].Speaker == nil || !senior[0].Speaker.Senior {
			t.Fatalf("senior lectures = %+v", senior)
		}

		// Only 党支部 hold these meetings.
		vil := in
		vil.OrgID = w.Haidan.ID
		_, err = w.svc.RecordMeeting(w.Ctx, w.Admin, vil)
		want.Field(t, err, "org_id", "meeting.not_branch")

		// Nothing half-written after a refusal.
		var n int
		want.OK(t, d.QueryRowContext(w.Ctx, `SELECT COUNT(*) FROM meetings`).Scan(&n))
		if n != 4 {
			t.Fatalf("%d meetings stored, want 4", n)
		}
	})
}

func TestListMeetingsPages(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		// Seven meetings on four days, recorded out of date order.
		for i, dd := range []int{3, 9, 3, 1, 9, 5, 3} {
			_, err := w.svc.RecordMeeting(w.Ctx, w.Sec1, orglife.NewMeeting{OrgID: w.HD1.ID, Kind: orglife.MeetingThemeDay,
				Topic: "主题党日", HeldOn: ymd(2026, 10, dd), Expected: 5 + i, Present: 3})
			want.OK(t, err)
		}
		var all []orglife.Meeting
		var before int64
		for page := 0; page < 10; page++ {
			ms, err := w.svc.ListMeetings(w.Ctx, w.Sec1, orglife.MeetingFilter{BeforeID: before, Limit: 3})
			want.OK(t, err)
			all = append(all, ms...)
			if len(ms) < 3 {
				break
			}
			before = ms[len(ms)-1].ID
		}
		if len(all) != 7 {
			t.Fatalf("paged through %d meetings, want 7", len(all))
		}
		for i := 1; i < len(all); i++ {
			a, b := all[i-1], all[i]
			if a.HeldOn.Before(b.HeldOn) || (a.HeldOn == b.HeldOn && a.ID < b.ID) {
				t.Fatalf("out of order at %d: %v/%d then %v/%d", i, a.HeldOn, a.ID, b.HeldOn, b.ID)
			}
		}
	})
}

func TestMeetingForm(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.Full(w.HD1, "张一")
		w.Probationary(w.HD1, "赵四", ymd(2026, 3, 1).Time())
		b, inv, err := w.svc.MeetingForm(w.Ctx, w.Sec1, w.HD1.ID, day.Today(w.Clock))
		want.OK(t, err)
		if b.ID != w.HD1.ID || len(inv) != 2 {
			t.Fatalf("form for %+v: %+v", b, inv)
		}
		for _, i := range inv {
			if (i.Name == "赵四") == i.Voting {
				t.Fatalf("voting wrong for %+v", i)
			}
		}
		_, _, err = w.svc.MeetingForm(w.Ctx, w.HaigaLeader, w.HD1.ID, day.Today(w.Clock))
		want.Kind(t, err, apperr.KindNotFound)
	})
}
