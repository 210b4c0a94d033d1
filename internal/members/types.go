// Package members is the party member programme (seed §4): the roster,
// the development pipeline with its time-gates, 三培养, 三会一课 and
// other meetings with compliance, 设岗定责, 评星授旗, 民主评议, 谏言献策
// and the care fund (激励关怀帮扶资金).
package members

import "time"

// Status is where a person stands in the pipeline (发展党员工作细则).
type Status string

const (
	StatusApplicant    Status = "applicant"    // 入党申请人
	StatusActivist     Status = "activist"     // 入党积极分子
	StatusCandidate    Status = "candidate"    // 发展对象
	StatusProbationary Status = "probationary" // 预备党员
	StatusFull         Status = "full"         // 正式党员
	StatusLeft         Status = "left"         // 已出党/去世（记录保留）
)

// Statuses in pipeline order.
var Statuses = []Status{StatusApplicant, StatusActivist, StatusCandidate, StatusProbationary, StatusFull, StatusLeft}

// IsMember reports whether the status is a party member (预备 or 正式).
func (s Status) IsMember() bool { return s == StatusProbationary || s == StatusFull }

// Category is one of the seed's focus groups for development and roster
// reports (reported on, not enforced).
type Category string

var Categories = []Category{"village_cadre", "veteran", "skilled_farmer", "returnee", "graduate", "enterprise_staff"}

// Member is one person on the roster or in the pipeline.
type Member struct {
	ID         int64      `json:"id"`
	TownID     int64      `json:"town_id"`
	OrgID      int64      `json:"org_id"`
	OrgName    string     `json:"org_name,omitempty"`
	ResidentID int64      `json:"resident_id,omitempty"`
	Name       string     `json:"name"`
	IDMasked   string     `json:"id_number_masked"`
	BirthDate  time.Time  `json:"birth_date"`
	Sex        string     `json:"sex"`
	Phone      string     `json:"phone,omitempty"`
	Education  string     `json:"education,omitempty"`
	Category   Category   `json:"category,omitempty"`
	Status     Status     `json:"status"`
	AppliedOn  *time.Time `json:"applied_on,omitempty"`
	JoinedOn   *time.Time `json:"joined_on,omitempty"`
	FullOn     *time.Time `json:"full_on,omitempty"`
	Mobile     bool       `json:"mobile"`
	LeftOn     *time.Time `json:"left_on,omitempty"`
	LeftReason string     `json:"left_reason,omitempty"`
	UserID     int64      `json:"-"`
	OrgPath    string     `json:"-"`
}
