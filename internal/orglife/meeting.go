package orglife

import (
	"dangjian/internal/apperr"
	"dangjian/internal/day"
)

// MeetingKind is one of the meetings a branch must hold (三会一课 under
// the 支部工作条例, 主题党日 and 组织生活会).
type MeetingKind string

const (
	MeetingAssembly  MeetingKind = "branch_assembly" // 支部党员大会
	MeetingCommittee MeetingKind = "committee"       // 支委会
	MeetingGroup     MeetingKind = "group"           // 党小组会
	MeetingLecture   MeetingKind = "lecture"         // 党课
	MeetingThemeDay  MeetingKind = "theme_day"       // 主题党日
	MeetingLife      MeetingKind = "life_meeting"    // 组织生活会
)

// MeetingKinds in the order pages list them.
var MeetingKinds = []MeetingKind{MeetingAssembly, MeetingCommittee, MeetingGroup, MeetingLecture, MeetingThemeDay, MeetingLife}

// Valid reports whether k is a known kind.
func (k MeetingKind) Valid() bool { return k.ord() >= 0 }

func (k MeetingKind) ord() int {
	for i, x := range MeetingKinds {
		if x == k {
			return i
		}
	}
	return -1
}

// AllMembers reports whether every member of the branch is expected (应到)
// at this kind of meeting. 支委会 is for the branch committee and 党小组会
// for one 党小组, so their attendance lists name who was expected.
func (k MeetingKind) AllMembers() bool { return k != MeetingCommittee && k != MeetingGroup }

// Meeting is one recorded meeting.
type Meeting struct {
	ID             int64       `json:"id"`
	TownID         int64       `json:"town_id"`
	OrgID          int64       `json:"org_id"`
	OrgName        string      `json:"org_name"`
	OrgPath        string      `json:"-"`
	Kind           MeetingKind `json:"kind"`
	Topic          string      `json:"topic"`
	HeldOn         day.Day     `json:"held_on"`
	Place          string      `json:"place"`
	Minutes        string      `json:"minutes,omitempty"`
	Expected       int         `json:"expected"`
	Present        int         `json:"present"`
	VotingExpected int         `json:"voting_expected"`
	VotingPresent  int         `json:"voting_present"`
	HeadcountOnly  bool        `json:"headcount_only"`
	// Counts is false when the meeting was below its quorum: it is on
	// record but does not count toward compliance.
	Counts     bool         `json:"counts"`
	Speaker    *Speaker     `json:"speaker,omitempty"`
	Attendance []Attendance `json:"attendance,omitempty"`
}

// Speaker is who gave a 党课.
type Speaker struct {
	Name   string `json:"name"`
	Title  string `json:"title,omitempty"`
	Senior bool   `json:"senior"` // 副科级以上领导干部
}

// Attendance is one expected member and whether they came.
type Attendance struct {
	MemberID int64  `json:"member_id"`
	Name     string `json:"name"`
	Present  bool   `json:"present"`
	Voting   bool   `json:"voting"`
	Reason   string `json:"reason,omitempty"`
}

// QuorumProblem is the quorum rule the meeting fell short of, with its
// numbers, or nil when it met its quorum (or has none).
func (m Meeting) QuorumProblem() *apperr.Error {
	return quorumProblem(m.Kind, turnout{Expected: m.Expected, Present: m.Present,
		VotingExpected: m.VotingExpected, VotingPresent: m.VotingPresent}, m.HeadcountOnly)
}

// AttendanceInput is one line of the attendance list as entered.
type AttendanceInput struct {
	MemberID int64  `json:"member_id"`
	Present  bool   `json:"present"`
	Reason   string `json:"reason"`
}

// NewMeeting is the input of RecordMeeting. Expected and Present are used
// only when the branch has nobody on the roster yet (figures typed from
// the paper record); otherwise they come from Attendance.
type NewMeeting struct {
	OrgID         int64
	Kind          MeetingKind
	Topic         string
	HeldOn        day.Day
	Place         string
	Minutes       string
	Attendance    []AttendanceInput
	Expected      int
	Present       int
	Speaker       string
	SpeakerTitle  string
	SpeakerSenior bool
}

// turnout is the counts the quorum rules look at.
type turnout struct{ Expected, Present, VotingExpected, VotingPresent int }

// quorumProblem applies the quorum rules of the 支部工作条例:
//   - meeting.quorum_members: a 支部党员大会 needs more than half of the
//     members with a vote (正式党员) present. With typed figures only,
//     the vote is not known and 应到/实到 stand in for it.
//   - meeting.quorum_committee: a 支委会 needs more than half of the
//     committee members expected present.
//
// Other kinds have no quorum. A meeting below quorum is still recorded
// (the record is true), flagged as not counting toward compliance.
func quorumProblem(k MeetingKind, t turnout, headcountOnly bool) *apperr.Error {
	switch k {
	case MeetingAssembly:
		expected, present := t.VotingExpected, t.VotingPresent
		if headcountOnly {
			expected, present = t.Expected, t.Present
		}
		if present*2 <= expected || expected == 0 {
			return apperr.Rule("meeting.quorum_members", apperr.Params{"present": present, "expected": expected})
		}
	case MeetingCommittee:
		if t.Present*2 <= t.Expected || t.Expected == 0 {
			return apperr.Rule("meeting.quorum_committee", apperr.Params{"present": t.Present, "expected": t.Expected})
		}
	}
	return nil
}
