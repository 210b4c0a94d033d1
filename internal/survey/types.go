// Package survey is the 两委 credibility survey (公信度调查, seed §5.5): a
// village's 两委 team and each of its members rated by respondent groups
// with weights, through anonymous one-time codes that need no account.
// Nobody can link an answer to a code or a respondent: the codes and the
// counts of answers are kept apart with nothing that joins them (the
// reasoning is in docs/decisions.md). Results are shown after the survey
// closes, a group of fewer than MinGroupAnswers only pooled with others;
// a subject scored below the survey's threshold is flagged for 甄别, and
// what was decided is recorded.
package survey

import (
	"slices"
	"strconv"
	"time"

	"dangjian/internal/day"
)

// Group is a respondent group.
type Group string

const (
	GroupCadre    Group = "cadre"     // 基层干部
	GroupPartyRep Group = "party_rep" // 党代表
	GroupNPCRep   Group = "npc_rep"   // 人大代表
	GroupCPPCC    Group = "cppcc"     // 政协委员
	GroupPublic   Group = "public"    // 基层群众
)

// Groups in the seed's order.
var Groups = []Group{GroupCadre, GroupPartyRep, GroupNPCRep, GroupCPPCC, GroupPublic}

// Valid reports whether g is a known group.
func (g Group) Valid() bool { return slices.Contains(Groups, g) }

// DefaultWeights are the groups' weights in percent when a survey does
// not set its own; they add up to 100.
var DefaultWeights = map[Group]int{GroupCadre: 15, GroupPartyRep: 20, GroupNPCRep: 15, GroupCPPCC: 10, GroupPublic: 40}

// Rating is one answer about one subject.
type Rating string

const (
	Satisfied    Rating = "satisfied"    // 满意
	Basic        Rating = "basic"        // 基本满意
	Dissatisfied Rating = "dissatisfied" // 不满意
)

// Ratings in the order the ballot shows them.
var Ratings = []Rating{Satisfied, Basic, Dissatisfied}

// Points is what each rating is worth in a score of 0–100.
var Points = map[Rating]int{Satisfied: 100, Basic: 60, Dissatisfied: 0}

// Valid reports whether r is a known rating.
func (r Rating) Valid() bool { return slices.Contains(Ratings, r) }

const (
	// MinGroupAnswers is the fewest answers a group's results are shown
	// for on their own: in a village, three answers are three neighbours.
	MinGroupAnswers = 5
	// DefaultThreshold is the score below which a subject is flagged for
	// 甄别 when a survey does not set its own.
	DefaultThreshold = 60
	// MaxCodesPerIssue bounds one printing of slips.
	MaxCodesPerIssue = 1000
)

// Kind of subject: the 两委 team as a whole or one of its members.
const (
	SubjectTeam   = "team"
	SubjectPerson = "person"
)

// Action is what 甄别 decided about a flagged subject.
type Action string

const (
	ActionRetained Action = "retained" // 甄别后保留
	ActionAdjusted Action = "adjusted" // 调整
	ActionReplaced Action = "replaced" // 撤换
	ActionReferred Action = "referred" // 违法乱纪，移送查处
)

// Actions in the order forms list them.
var Actions = []Action{ActionRetained, ActionAdjusted, ActionReplaced, ActionReferred}

// Survey is one credibility survey of one village's 两委.
type Survey struct {
	ID        int64     `json:"id"`
	OrgID     int64     `json:"org_id"`
	OrgName   string    `json:"org_name"`
	OrgPath   string    `json:"-"`
	TownID    int64     `json:"town_id,omitempty"`
	Year      int       `json:"year"`
	Title     string    `json:"title"`
	Threshold int       `json:"threshold"`
	OpenedOn  day.Day   `json:"opened_on"`
	ClosedOn  day.Day   `json:"closed_on"`
	CreatedAt time.Time `json:"-"`
	Issued    int       `json:"issued"`   // codes issued over all groups
	Answered  int       `json:"answered"` // answers counted over all groups
}

// Closed reports whether answering has ended.
func (s Survey) Closed() bool { return !s.ClosedOn.IsZero() }

// Subject is what respondents rate: the team or one member.
type Subject struct {
	ID    int64    `json:"id"`
	Kind  string   `json:"kind"`
	Name  string   `json:"name"`
	Posts []string `json:"posts"`
}

// GroupInfo is a respondent group of one survey.
type GroupInfo struct {
	ID       int64 `json:"id"`
	Group    Group `json:"group"`
	Weight   int   `json:"weight"`
	Issued   int   `json:"issued"`
	Answered int   `json:"answered"`
}

// Sheet is a survey with its groups and subjects.
type Sheet struct {
	Survey   Survey      `json:"survey"`
	Groups   []GroupInfo `json:"groups"`
	Subjects []Subject   `json:"subjects"`
}

// Ballot is what a respondent sees after typing a valid code: which
// survey and whom to rate. It names the group, never the code's holder.
type Ballot struct {
	Title    string    `json:"title"`
	OrgName  string    `json:"org_name"`
	Year     int       `json:"year"`
	Group    Group     `json:"group"`
	Subjects []Subject `json:"subjects"`
}

// Followup is one 甄别 decision about a subject.
type Followup struct {
	ID        int64   `json:"id"`
	SubjectID int64   `json:"subject_id"`
	Action    Action  `json:"action"`
	Note      string  `json:"note"`
	DecidedOn day.Day `json:"decided_on"`
}

// Score is a score of 0–100 in tenths, so 73.5 is 735; shown with one
// decimal.
type Score int

func (s Score) String() string {
	return strconv.Itoa(int(s)/10) + "." + strconv.Itoa(int(s)%10)
}
