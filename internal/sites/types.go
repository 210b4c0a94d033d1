// Package sites is the activity sites programme (阵地建设, seed §1): each
// site is a construction project of a village general branch or a group
// branch, new or renovated, with its spec, a budget by funding source,
// the county subsidy due from a configurable schedule (with per-site
// overrides such as 大坪's), disbursements, dated milestones, completion
// and acceptance; plans declare a total investment, and the
// reconciliation sets the schedule against it and against what was paid.
package sites

import (
	"slices"

	"dangjian/internal/day"
	"dangjian/internal/files"
	"dangjian/internal/money"
)

// Fen is an amount in 分, shown as 元 with two decimals.
type Fen = money.Fen

// Wan is ten thousand 元 in 分: the plan's figures are in 万元.
const Wan Fen = 10_000_00

// Level is which organisation a site serves, from its type.
type Level string

const (
	LevelGeneral Level = "general_branch" // 村(社区)党总支活动场所
	LevelGroup   Level = "branch"         // 村(居)民小组党支部活动场所
)

// Levels in the schedule's order.
var Levels = []Level{LevelGeneral, LevelGroup}

// Kind is whether a site is built new or renovated.
type Kind string

const (
	KindNew      Kind = "new"      // 新建
	KindRenovate Kind = "renovate" // 提升（改建）
)

// Kinds in the schedule's order.
var Kinds = []Kind{KindNew, KindRenovate}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// Source is where a site's money comes from.
type Source string

const (
	SourceCounty  Source = "county"  // 县财政补助
	SourceTown    Source = "town"    // 镇级配套
	SourceVillage Source = "village" // 村集体
	SourceSelf    Source = "self"    // 群众自筹
	SourceOther   Source = "other"   // 其他（社会捐助等）
)

// Sources in budget order.
var Sources = []Source{SourceCounty, SourceTown, SourceVillage, SourceSelf, SourceOther}

// Valid reports whether s is a known source.
func (s Source) Valid() bool { return slices.Contains(Sources, s) }

// Status is where a site's construction stands, derived from its dates.
type Status string

const (
	StatusPlanned   Status = "planned"   // 计划
	StatusBuilding  Status = "building"  // 在建
	StatusCompleted Status = "completed" // 竣工待验收
	StatusAccepted  Status = "accepted"  // 已验收
)

// Statuses in progress order.
var Statuses = []Status{StatusPlanned, StatusBuilding, StatusCompleted, StatusAccepted}

// Rate is one line of the county subsidy schedule.
type Rate struct {
	Level  Level `json:"level"`
	Kind   Kind  `json:"kind"`
	Amount Fen   `json:"amount_fen"`
}

// DefaultSchedule is the seed's county schedule: a new general-branch
// site 96万元, a renovated one 10万元; a new group site 10万元, a
// renovated one 3万元. A town's own lines replace these.
var DefaultSchedule = []Rate{
	{LevelGeneral, KindNew, 96 * Wan}, {LevelGeneral, KindRenovate, 10 * Wan},
	{LevelGroup, KindNew, 10 * Wan}, {LevelGroup, KindRenovate, 3 * Wan},
}

// Schedule is a town's subsidy schedule.
type Schedule []Rate

// Due is the schedule's amount for a level and kind.
func (s Schedule) Due(l Level, k Kind) Fen {
	for _, r := range s {
		if r.Level == l && r.Kind == k {
			return r.Amount
		}
	}
	return 0
}

// Plan is a town's construction plan and the total investment it declares.
type Plan struct {
	ID       int64  `json:"id"`
	TownID   int64  `json:"town_id"`
	Year     int    `json:"year"`
	Title    string `json:"title"`
	Declared Fen    `json:"declared_fen"`
	TownPath string `json:"-"`
}

// Spec is what a site builds.
type Spec struct {
	MainBuildings int `json:"main_buildings"` // 主楼（幢）
	Annexes       int `json:"annexes"`        // 附楼（幢）
	LandM2        int `json:"land_m2"`        // 占地面积（平方米）
	FloorM2       int `json:"floor_m2"`       // 建筑面积（平方米）
}

// Site is one construction project of an organisation.
type Site struct {
	ID             int64   `json:"id"`
	PlanID         int64   `json:"plan_id,omitempty"`
	OrgID          int64   `json:"org_id"`
	OrgName        string  `json:"org_name"`
	TownID         int64   `json:"town_id"`
	VillageID      int64   `json:"village_id"`
	VillageName    string  `json:"village_name"`
	Level          Level   `json:"level"`
	Kind           Kind    `json:"kind"`
	Spec           Spec    `json:"spec"`
	Override       *Fen    `json:"override_fen,omitempty"`
	OverrideReason string  `json:"override_reason,omitempty"`
	Note           string  `json:"note,omitempty"`
	StartedOn      day.Day `json:"started_on"`
	CompletedOn    day.Day `json:"completed_on"`
	AcceptedOn     day.Day `json:"accepted_on"`
	AcceptedBy     string  `json:"accepted_by,omitempty"`
	AcceptanceNote string  `json:"acceptance_note,omitempty"`
	Path           string  `json:"-"`
}

// Status is derived from the dates: accepted, completed, started, else
// planned.
func (s Site) Status() Status {
	switch {
	case !s.AcceptedOn.IsZero():
		return StatusAccepted
	case !s.CompletedOn.IsZero():
		return StatusCompleted
	case !s.StartedOn.IsZero():
		return StatusBuilding
	}
	return StatusPlanned
}

// SubsidyDue is the county subsidy this site is owed: its override where
// it has one, else the schedule's line for its level and kind.
func (s Site) SubsidyDue(sch Schedule) Fen {
	if s.Override != nil {
		return *s.Override
	}
	return sch.Due(s.Level, s.Kind)
}

// BudgetLine is a site's budget from one source.
type BudgetLine struct {
	Source Source `json:"source"`
	Amount Fen    `json:"amount_fen"`
}

// Disbursement is money paid to a site.
type Disbursement struct {
	ID      int64   `json:"id"`
	SiteID  int64   `json:"site_id"`
	OrgName string  `json:"org_name"`
	Source  Source  `json:"source"`
	Amount  Fen     `json:"amount_fen"`
	PaidOn  day.Day `json:"paid_on"`
	Voucher string  `json:"voucher,omitempty"`
	Note    string  `json:"note,omitempty"`
}

// Stage marks a milestone that starts or completes construction.
type Stage string

const (
	StageNone      Stage = ""          // a milestone along the way
	StageStarted   Stage = "started"   // 开工
	StageCompleted Stage = "completed" // 竣工
)

// Milestone is a dated step of a site's construction.
type Milestone struct {
	ID      int64   `json:"id"`
	SiteID  int64   `json:"site_id"`
	OrgName string  `json:"org_name"`
	OnDate  day.Day `json:"on_date"`
	Stage   Stage   `json:"stage,omitempty"`
	Title   string  `json:"title"`
	Note    string  `json:"note,omitempty"`
	// Photos are the step's photos, served at /site-photos/{id}.
	Photos []files.File `json:"photos,omitempty"`
}

// SiteView is one site with everything recorded on it.
type SiteView struct {
	Site          Site           `json:"site"`
	Status        Status         `json:"status"`
	PlanTitle     string         `json:"plan_title,omitempty"`
	ScheduleDue   Fen            `json:"schedule_fen"`
	SubsidyDue    Fen            `json:"subsidy_due_fen"`
	Budget        []BudgetLine   `json:"budget"`
	BudgetTotal   Fen            `json:"budget_total_fen"`
	Disbursements []Disbursement `json:"disbursements"`
	Disbursed     Fen            `json:"disbursed_fen"`
	CountyPaid    Fen            `json:"county_paid_fen"`
	Milestones    []Milestone    `json:"milestones"`
}
