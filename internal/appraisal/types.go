// Package appraisal is 双述双评 (seed §5.2): the yearly assessment of a
// village's 两委 cadres. Each cadre gives a 述职 and a 述廉 report; party
// members and villager representatives rate them (评议) and the town
// rates them (评价) on 德、能、勤、绩、廉 across 党务、经济发展、社会稳定、
// 重点项目建设. Ballots are anonymous and counted on the spot: only the
// counted totals per cadre, rater group and criterion are entered, never
// a ballot or a rater. Scores are the rater groups' means weighted by the
// round's weights; ranks are within the village; grades come from the
// round's cut-offs. A member of the village committee rated 不称职 in two
// rounds in a row is flagged for removal (组织法 art. 33).
package appraisal

import (
	"dangjian/internal/day"
)

// Group is a rater group.
type Group string

const (
	GroupMember         Group = "member"         // 党员（评议）
	GroupRepresentative Group = "representative" // 村民代表（评议）
	GroupTown           Group = "town"           // 镇党委（评价）
)

// Groups in the order forms show them.
var Groups = []Group{GroupMember, GroupRepresentative, GroupTown}

// Valid reports whether g is a rater group.
func (g Group) Valid() bool { return g == GroupMember || g == GroupRepresentative || g == GroupTown }

// DefaultWeights are the rater groups' weights in percent when a round
// gives none: 党员 30, 村民代表 30, 镇 40.
var DefaultWeights = map[Group]int{GroupMember: 30, GroupRepresentative: 30, GroupTown: 40}

// Quality is one of 德、能、勤、绩、廉.
type Quality string

// Qualities in order.
var Qualities = []Quality{"de", "neng", "qin", "ji", "lian"}

// Area is one of the four areas of work ("一定三有").
type Area string

// Areas in order: 党务、经济发展、社会稳定、重点项目建设.
var Areas = []Area{"party", "economy", "stability", "projects"}

// Criterion is a quality in an area: one cell of the ballot.
type Criterion struct {
	Quality Quality `json:"quality"`
	Area    Area    `json:"area"`
}

// Key is the criterion as a form field: "de.party".
func (c Criterion) Key() string { return string(c.Quality) + "." + string(c.Area) }

// Criteria are the 20 cells in order, qualities first.
func Criteria() []Criterion {
	out := make([]Criterion, 0, len(Qualities)*len(Areas))
	for _, q := range Qualities {
		for _, a := range Areas {
			out = append(out, Criterion{q, a})
		}
	}
	return out
}

// MaxPoints is the most a ballot gives on one criterion.
const MaxPoints = 100

// Grade is a cadre's grade.
type Grade string

const (
	GradeExcellent   Grade = "excellent"   // 优秀
	GradeCompetent   Grade = "competent"   // 称职
	GradeBasic       Grade = "basic"       // 基本称职
	GradeIncompetent Grade = "incompetent" // 不称职
)

// Cuts are the grade cut-offs in points out of 100.
type Cuts struct {
	Excellent int `json:"excellent"`
	Competent int `json:"competent"`
	Basic     int `json:"basic"`
}

// DefaultCuts: 优秀 from 90, 称职 from 75, 基本称职 from 60.
var DefaultCuts = Cuts{Excellent: 90, Competent: 75, Basic: 60}

// GradeOf grades a score given in tenths of a point.
func (c Cuts) GradeOf(tenths int) Grade {
	switch {
	case tenths >= c.Excellent*10:
		return GradeExcellent
	case tenths >= c.Competent*10:
		return GradeCompetent
	case tenths >= c.Basic*10:
		return GradeBasic
	}
	return GradeIncompetent
}

// RemovalRounds is how many rounds in a row a village committee member
// is rated 不称职 before they are flagged for removal (组织法 art. 33:
// 连续两次被评议不称职的，其职务终止).
const RemovalRounds = 2

// Round is one village's assessment of one year.
type Round struct {
	ID      int64         `json:"id"`
	OrgID   int64         `json:"org_id"`
	OrgName string        `json:"org_name"`
	OrgPath string        `json:"-"`
	TownID  int64         `json:"town_id,omitempty"`
	Year    int           `json:"year"`
	HeldOn  day.Day       `json:"held_on"`
	Weights map[Group]int `json:"weights"`
	Cuts    Cuts          `json:"cuts"`
}

// Cadre is one cadre of a round with their reports.
type Cadre struct {
	ID              int64    `json:"id"`
	RoundID         int64    `json:"round_id"`
	Name            string   `json:"name"`
	ResidentID      int64    `json:"resident_id,omitempty"`
	Posts           []string `json:"posts"`
	Village         bool     `json:"village"` // on the village committee
	DutyReport      string   `json:"duty_report"`
	DutyOn          day.Day  `json:"duty_on"`
	IntegrityReport string   `json:"integrity_report"`
	IntegrityOn     day.Day  `json:"integrity_on"`
}

// Tally is a rater group's counted ballots for a cadre: how many, and the
// sum of points per criterion (keyed by Criterion.Key).
type Tally struct {
	Group   Group          `json:"group"`
	Ballots int            `json:"ballots"`
	Sums    map[string]int `json:"sums"`
	// RoundID, when set on input, is the round the cadre must be in.
	RoundID int64 `json:"-"`
}

// Result is a cadre's result in a round.
type Result struct {
	Cadre Cadre `json:"cadre"`
	// Tallies has one entry per rater group entered.
	Tallies []Tally `json:"tallies"`
	// GroupScores are each entered group's mean in tenths of a point.
	GroupScores map[Group]int `json:"group_scores"`
	// Complete is true once every group with a weight is entered; only
	// then are Score, Rank and Grade set.
	Complete bool  `json:"complete"`
	Score    int   `json:"score"` // tenths of a point, out of 1000
	Rank     int   `json:"rank,omitempty"`
	Grade    Grade `json:"grade,omitempty"`
	// Removal is set for a village committee member rated 不称职 in this
	// round and the one before (RemovalRounds in a row).
	Removal bool `json:"removal"`
	// PrevYear is the year of the round before, when the cadre was in it.
	PrevYear  int   `json:"prev_year,omitempty"`
	PrevGrade Grade `json:"prev_grade,omitempty"`
}

// Sheet is a round with each cadre's result, by rank.
type Sheet struct {
	Round   Round    `json:"round"`
	Results []Result `json:"results"`
}

// History is one cadre's results across the years in their village.
type History struct {
	Cadre   Cadre     `json:"cadre"`
	Round   Round     `json:"round"`
	Result  Result    `json:"result"`
	Years   []YearRow `json:"years"`
	Removal bool      `json:"removal"`
}

// YearRow is one year of a History.
type YearRow struct {
	Year    int   `json:"year"`
	RoundID int64 `json:"round_id"`
	CadreID int64 `json:"cadre_id"`
	Score   int   `json:"score"`
	Rank    int   `json:"rank,omitempty"`
	Of      int   `json:"of"`
	Grade   Grade `json:"grade,omitempty"`
}
