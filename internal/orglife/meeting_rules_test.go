package orglife

import (
	"strings"
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/i18n"
	"dangjian/internal/members"
	"dangjian/internal/testkit/want"
)

func TestQuorumRules(t *testing.T) {
	cases := []struct {
		name      string
		kind      MeetingKind
		t         turnout
		headcount bool
		rule      string
	}{
		{"assembly: half of voting members is not enough", MeetingAssembly, turnout{12, 12, 10, 5}, false, "meeting.quorum_members"},
		{"assembly: more than half of voting members", MeetingAssembly, turnout{12, 6, 10, 6}, false, ""},
		{"assembly: probationary members present do not make the quorum", MeetingAssembly, turnout{14, 9, 10, 5}, false, "meeting.quorum_members"},
		{"assembly: odd number, 3 of 5", MeetingAssembly, turnout{5, 3, 5, 3}, false, ""},
		{"assembly: odd number, 2 of 5", MeetingAssembly, turnout{5, 2, 5, 2}, false, "meeting.quorum_members"},
		{"assembly: nobody with a vote", MeetingAssembly, turnout{2, 2, 0, 0}, false, "meeting.quorum_members"},
		{"assembly from typed figures: 4 of 8", MeetingAssembly, turnout{8, 4, 0, 0}, true, "meeting.quorum_members"},
		{"assembly from typed figures: 5 of 8", MeetingAssembly, turnout{8, 5, 0, 0}, true, ""},
		{"committee: 1 of 2", MeetingCommittee, turnout{2, 1, 2, 1}, false, "meeting.quorum_committee"},
		{"committee: 2 of 3", MeetingCommittee, turnout{3, 2, 3, 2}, false, ""},
		{"committee: 3 of 5 (one probationary counts as committee)", MeetingCommittee, turnout{5, 3, 4, 2}, false, ""},
		{"committee: nobody expected", MeetingCommittee, turnout{}, true, "meeting.quorum_committee"},
		{"lecture has no quorum", MeetingLecture, turnout{20, 1, 18, 1}, false, ""},
		{"theme day has no quorum", MeetingThemeDay, turnout{20, 0, 18, 0}, false, ""},
		{"group meeting has no quorum", MeetingGroup, turnout{5, 1, 5, 1}, false, ""},
		{"life meeting has no quorum", MeetingLife, turnout{5, 2, 5, 2}, false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := quorumProblem(c.kind, c.t, c.headcount)
			switch {
			case c.rule == "" && p != nil:
				t.Fatalf("unexpected %v", p)
			case c.rule != "" && (p == nil || p.Rule != c.rule):
				t.Fatalf("want %s, got %v", c.rule, p)
			}
		})
	}
	p := quorumProblem(MeetingAssembly, turnout{12, 12, 10, 5}, false)
	if got := i18n.T(i18n.ZH, p.Key, p.Params); !strings.Contains(got, "5 人") || !strings.Contains(got, "10 人") {
		t.Fatalf("quorum message lacks the numbers: %s", got)
	}
}

func TestMemberOnAndVotingOn(t *testing.T) {
	d := day.New
	cases := []struct {
		name          string
		m             members.Member
		on            day.Day
		member, votes bool
	}{
		{"full member", members.Member{Status: members.StatusFull, JoinedOn: d(2015, 1, 1), FullOn: d(2016, 1, 1)}, ymd(2026, 5, 1), true, true},
		{"full member imported without dates", members.Member{Status: members.StatusFull}, ymd(2026, 5, 1), true, true},
		{"not yet joined on the day", members.Member{Status: members.StatusFull, JoinedOn: d(2026, 5, 2)}, ymd(2026, 5, 1), false, false},
		{"joined on the day", members.Member{Status: members.StatusProbationary, JoinedOn: d(2026, 5, 1)}, ymd(2026, 5, 1), true, false},
		{"probationary has no vote", members.Member{Status: members.StatusProbationary, JoinedOn: d(2025, 12, 1)}, ymd(2026, 5, 1), true, false},
		{"full from the day before", members.Member{Status: members.StatusFull, JoinedOn: d(2025, 4, 30), FullOn: d(2026, 4, 30)}, ymd(2026, 5, 1), true, true},
		{"full from the day after: no vote yet", members.Member{Status: members.StatusFull, JoinedOn: d(2025, 5, 2), FullOn: d(2026, 5, 2)}, ymd(2026, 5, 1), true, false},
		{"left on the day is gone", members.Member{Status: members.StatusLeft, JoinedOn: d(2010, 1, 1), FullOn: d(2011, 1, 1), LeftOn: d(2026, 5, 1)}, ymd(2026, 5, 1), false, false},
		{"left the day after still counts", members.Member{Status: members.StatusLeft, JoinedOn: d(2010, 1, 1), FullOn: d(2011, 1, 1), LeftOn: d(2026, 5, 2)}, ymd(2026, 5, 1), true, true},
		{"applicant who left never was a member", members.Member{Status: members.StatusLeft, LeftOn: d(2026, 6, 1)}, ymd(2026, 5, 1), false, false},
		{"activist is no member", members.Member{Status: members.StatusActivist}, ymd(2026, 5, 1), false, false},
		{"candidate is no member", members.Member{Status: members.StatusCandidate}, ymd(2026, 5, 1), false, false},
	}
	for _, c := range cases {
		if got := c.m.MemberOn(c.on.Time()); got != c.member {
			t.Errorf("%s: MemberOn = %v, want %v", c.name, got, c.member)
		}
		if got := c.m.VotingOn(c.on.Time()); got != c.votes {
			t.Errorf("%s: votingOn = %v, want %v", c.name, got, c.votes)
		}
	}
}

func TestBuildAttendance(t *testing.T) {
	on := ymd(2026, 11, 10)
	full := func(id int64, name string) members.Member {
		return members.Member{ID: id, Name: name, Status: members.StatusFull, JoinedOn: day.New(2015, 1, 1), FullOn: day.New(2016, 1, 1)}
	}
	prob := members.Member{ID: 4, Name: "赵四", Status: members.StatusProbationary, JoinedOn: on}
	roster := []members.Member{full(1, "张一"), full(2, "李二"), full(3, "王三"), prob}
	present := func(ids ...int64) []AttendanceInput {
		var out []AttendanceInput
		for _, id := range ids {
			out = append(out, AttendanceInput{MemberID: id, Present: true})
		}
		return out
	}
	absent := func(id int64, reason string) AttendanceInput {
		return AttendanceInput{MemberID: id, Reason: reason}
	}

	t.Run("all members listed", func(t *testing.T) {
		in := NewMeeting{Kind: MeetingAssembly, HeldOn: on, Attendance: append(present(1, 2, 4), absent(3, "外出务工"))}
		lines, tt, headcount, err := buildAttendance(in, roster)
		want.OK(t, err)
		if headcount || len(lines) != 4 || tt != (turnout{4, 3, 3, 2}) {
			t.Fatalf("got %v %+v headcount=%v", lines, tt, headcount)
		}
	})
	t.Run("an unlisted member at an all-member meeting is an absentee without reason", func(t *testing.T) {
		_, _, _, err := buildAttendance(NewMeeting{Kind: MeetingThemeDay, HeldOn: on, Attendance: present(1, 2, 4)}, roster)
		e := want.Rule(t, err, "meeting.absence_reason")
		if e.Params["names"] != "王三" {
			t.Fatalf("names = %v", e.Params["names"])
		}
	})
	t.Run("absentees need a reason; blank is none", func(t *testing.T) {
		in := NewMeeting{Kind: MeetingLecture, HeldOn: on, Attendance: append(present(1, 4), absent(2, "  "), absent(3, ""))}
		e := want.Rule(t, func() error { _, _, _, err := buildAttendance(in, roster); return err }(), "meeting.absence_reason")
		if e.Params["names"] != "李二、王三" || e.Params["n"] != 2 {
			t.Fatalf("params = %v", e.Params)
		}
	})
	t.Run("committee: only listed members are expected", func(t *testing.T) {
		in := NewMeeting{Kind: MeetingCommittee, HeldOn: on, Attendance: append(present(1, 2), absent(3, "生病"))}
		lines, tt, _, err := buildAttendance(in, roster)
		want.OK(t, err)
		if len(lines) != 3 || tt.Expected != 3 || tt.Present != 2 {
			t.Fatalf("got %v %+v", lines, tt)
		}
	})
	t.Run("committee needs a list", func(t *testing.T) {
		_, _, _, err := buildAttendance(NewMeeting{Kind: MeetingCommittee, HeldOn: on}, roster)
		want.Field(t, err, "attendance", "meeting.attendance_required")
	})
	t.Run("a stranger on the list", func(t *testing.T) {
		_, _, _, err := buildAttendance(NewMeeting{Kind: MeetingGroup, HeldOn: on, Attendance: present(1, 99)}, roster)
		want.Field(t, err, "attendance", "meeting.attendee_unknown")
	})
	t.Run("a member listed twice", func(t *testing.T) {
		in := NewMeeting{Kind: MeetingGroup, HeldOn: on, Attendance: []AttendanceInput{absent(1, ""), {MemberID: 1, Present: true}}}
		_, _, _, err := buildAttendance(in, roster)
		want.Field(t, err, "attendance", "meeting.attendee_duplicate")
	})
	t.Run("typed figures when nobody is on the roster", func(t *testing.T) {
		for _, c := range []struct {
			expected, present int
			rule, field       string
		}{
			{5, 5, "", ""},
			{5, 6, "meeting.present_exceeds_expected", ""},
			{0, 0, "", "expected"},
			{5, -1, "", "present"},
			{1, 0, "", ""},
		} {
			_, tt, headcount, err := buildAttendance(NewMeeting{Kind: MeetingThemeDay, HeldOn: on, Expected: c.expected, Present: c.present}, nil)
			switch {
			case c.rule != "":
				want.Rule(t, err, c.rule)
			case c.field != "":
				e := want.Kind(t, err, apperr.KindInvalid)
				if _, ok := e.Fields[c.field]; !ok {
					t.Fatalf("%+v: want field %s, got %v", c, c.field, err)
				}
			default:
				want.OK(t, err)
				if !headcount || tt.Expected != c.expected || tt.Present != c.present {
					t.Fatalf("%+v: got %+v", c, tt)
				}
			}
		}
	})
	t.Run("a list for a branch with nobody on the roster", func(t *testing.T) {
		_, _, _, err := buildAttendance(NewMeeting{Kind: MeetingThemeDay, HeldOn: on, Expected: 3, Attendance: present(7)}, nil)
		want.Field(t, err, "attendance", "meeting.attendee_unknown")
	})
}

func ymd(y int, m time.Month, d int) day.Day { return day.New(y, m, d) }
