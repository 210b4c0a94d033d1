// Package commendation is the yearly commendation of outstanding party
// members (表彰优秀党员, seed §5.4): a general branch commends at most 20%
// of all its members, rounded down, through four steps in order —
// 支部会议民主评议 → 支部推荐 → 党总支审核 → 党总支全体党员大会民主评选 —
// each a meeting with its attendance and votes. A member graded 不合格 in
// that year's 民主评议, or under party discipline that year, is not
// eligible. The result is handed to 党务公开 through a disclosure.Drafter
// when one is configured.
package commendation

import (
	"dangjian/internal/day"
)

// Step is one of the four steps, 1 to 4.
type Step int

const (
	StepBranchReview    Step = 1 // 支部会议民主评议
	StepBranchRecommend Step = 2 // 支部推荐
	StepGeneralAudit    Step = 3 // 党总支审核
	StepGeneralElection Step = 4 // 党总支全体党员大会民主评选
)

// Steps in their order.
var Steps = []Step{StepBranchReview, StepBranchRecommend, StepGeneralAudit, StepGeneralElection}

// Valid reports whether s is one of the four steps.
func (s Step) Valid() bool { return s >= StepBranchReview && s <= StepGeneralElection }

// QuotaPercent is the share of all members a general branch may commend.
const QuotaPercent = 20

// Quota is the most members a general branch of n members may commend:
// 20% of n, rounded down (47 members: 9).
func Quota(n int) int { return n * QuotaPercent / 100 }

// DisciplineKind is a party discipline (党纪处分) short of expulsion.
type DisciplineKind string

const (
	DisciplineWarning   DisciplineKind = "warning"           // 警告
	DisciplineSerious   DisciplineKind = "serious_warning"   // 严重警告
	DisciplineRemoval   DisciplineKind = "removal_from_post" // 撤销党内职务
	DisciplineProbation DisciplineKind = "probation"         // 留党察看
)

// DisciplineKinds in order of weight.
var DisciplineKinds = []DisciplineKind{DisciplineWarning, DisciplineSerious, DisciplineRemoval, DisciplineProbation}

// DisciplineMonths is how long each discipline is in effect when no end
// is given (中国共产党纪律处分条例: a year for 警告, a year and a half for
// 严重警告, two years for 撤销党内职务 and for the longest 留党察看).
var DisciplineMonths = map[DisciplineKind]int{DisciplineWarning: 12, DisciplineSerious: 18, DisciplineRemoval: 24, DisciplineProbation: 24}

// Commendation is one general branch's commendation of one year.
type Commendation struct {
	ID             int64  `json:"id"`
	OrgID          int64  `json:"org_id"`
	OrgName        string `json:"org_name"`
	OrgPath        string `json:"-"`
	TownID         int64  `json:"town_id,omitempty"`
	Year           int    `json:"year"`
	MembersN       int    `json:"members"` // all members of the general branch when it began
	Quota          int    `json:"quota"`   // at most this many commended
	Step           Step   `json:"step"`    // the last step done, 0 before the first
	DisclosureItem int64  `json:"disclosure_item,omitempty"`
}

// Done reports whether all four steps are done.
func (c Commendation) Done() bool { return c.Step == StepGeneralElection }

// Next is the step to do next, 0 when done.
func (c Commendation) Next() Step {
	if c.Done() {
		return 0
	}
	return c.Step + 1
}

// StepRecord is one step's meeting and who passed it.
type StepRecord struct {
	Step     Step     `json:"step"`
	HeldOn   day.Day  `json:"held_on"`
	Expected int      `json:"expected"`
	Present  int      `json:"present"`
	Note     string   `json:"note,omitempty"`
	Passed   []Passed `json:"passed"`
}

// Passed is a member who passed a step, with the votes for them.
type Passed struct {
	MemberID   int64  `json:"member_id"`
	Name       string `json:"name"`
	BranchName string `json:"branch_name"`
	Votes      int    `json:"votes"`
}

// Candidate is a member of the general branch, eligible or not.
type Candidate struct {
	MemberID   int64  `json:"member_id"`
	Name       string `json:"name"`
	BranchName string `json:"branch_name"`
	Eligible   bool   `json:"eligible"`
	// Reason is why not: "unqualified" (graded 不合格 that year) or
	// "discipline" (under discipline that year).
	Reason string `json:"reason,omitempty"`
	// Reached is the last step the member passed, 0 for none.
	Reached Step `json:"reached"`
}

// Sheet is a commendation with its steps and its candidates.
type Sheet struct {
	Commendation Commendation `json:"commendation"`
	Steps        []StepRecord `json:"steps"`
	Candidates   []Candidate  `json:"candidates"`
	// Publishing says whether the result can go to 党务公开 here.
	Publishing bool `json:"publishing"`
}

// Discipline is one 党纪处分 of a member.
type Discipline struct {
	ID        int64          `json:"id"`
	MemberID  int64          `json:"member_id"`
	Kind      DisciplineKind `json:"kind"`
	DecidedOn day.Day        `json:"decided_on"`
	UntilOn   day.Day        `json:"until_on"`
	Note      string         `json:"note,omitempty"`
}
