// Package members is the party member programme (seed §4): the roster,
// the development pipeline with its time-gates, 三培养, transfers and
// leaving, the Excel roster and the development report. The branches'
// organisational life built on these records is package orglife.
package members

import (
	"slices"
	"time"

	"dangjian/internal/day"
)

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
	ID         int64    `json:"id"`
	TownID     int64    `json:"town_id"`
	OrgID      int64    `json:"org_id"`
	OrgName    string   `json:"org_name,omitempty"`
	ResidentID int64    `json:"resident_id,omitempty"`
	Name       string   `json:"name"`
	IDMasked   string   `json:"id_number_masked"`
	BirthDate  day.Day  `json:"birth_date"`
	Sex        string   `json:"sex"`
	Phone      string   `json:"phone,omitempty"`
	Education  string   `json:"education,omitempty"`
	Category   Category `json:"category,omitempty"`
	Status     Status   `json:"status"`
	AppliedOn  day.Day  `json:"applied_on,omitzero"`
	JoinedOn   day.Day  `json:"joined_on,omitzero"`
	FullOn     day.Day  `json:"full_on,omitzero"`
	Mobile     bool     `json:"mobile"`
	LeftOn     day.Day  `json:"left_on,omitzero"`
	LeftReason string   `json:"left_reason,omitempty"`
	UserID     int64    `json:"-"`
	OrgPath    string   `json:"-"`
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	return slices.Contains(Statuses, s)
}

// InPipeline reports whether the person is still on the way to 正式党员.
func (s Status) InPipeline() bool {
	return s == StatusApplicant || s == StatusActivist || s == StatusCandidate || s == StatusProbationary
}

// Valid reports whether c is empty (not classified) or a known focus group.
func (c Category) Valid() bool {
	if c == "" {
		return true
	}
	return slices.Contains(Categories, c)
}

// Leaving reasons (left_reason). A record is never deleted: leaving sets
// status left with the date and one of these.
const (
	LeftExpelled           = "expelled"            // 出党（开除、除名、退党）
	LeftDied               = "died"                // 去世
	LeftTransferredOut     = "transferred_out"     // 组织关系转出本镇
	LeftRejected           = "rejected"            // 发展中止（未被列为下一阶段）
	LeftProbationCancelled = "probation_cancelled" // 取消预备党员资格
)

// LeaveReasons are the reasons a person may be marked as leaving by hand;
// the other two come from a pipeline rejection.
var LeaveReasons = []string{LeftExpelled, LeftDied, LeftTransferredOut}

// Event is one entry of a member's history (member_events).
type Event struct {
	ID        int64   `json:"id"`
	MemberID  int64   `json:"member_id"`
	OrgID     int64   `json:"org_id"`
	Kind      string  `json:"kind"`
	On        day.Day `json:"on"`
	FromOrgID int64   `json:"from_org_id,omitempty"`
	FromOrg   string  `json:"from_org,omitempty"`
	ToOrgID   int64   `json:"to_org_id,omitempty"`
	ToOrg     string  `json:"to_org,omitempty"`
	Detail    string  `json:"detail,omitempty"`
}

// Event kinds. Pipeline steps use their Step name as the kind.
const (
	EventAdded       = "added"       // entered on the roster
	EventImported    = "imported"    // entered by a roster import
	EventUpdated     = "updated"     // details corrected
	EventTransfer    = "transfer"    // moved between branches in the town
	EventMobileOn    = "mobile_on"   // became 流动党员
	EventMobileOff   = "mobile_off"  // no longer 流动党员
	EventLeft        = "left"        // 出党, 去世, 转出
	EventTagStarted  = "tag_started" // 三培养 tag put on
	EventTagAchieved = "tag_achieved"
	EventTagEnded    = "tag_ended"
)

// Pipeline is the dated detail of a person's way into the party. Zero
// days are steps not taken yet.
type Pipeline struct {
	TalkOn          day.Day `json:"talk_on,omitzero"`
	TalkLate        bool    `json:"talk_late,omitempty"`
	ActivistOn      day.Day `json:"activist_on,omitzero"`
	CandidateOn     day.Day `json:"candidate_on,omitzero"`
	TrainingDays    int     `json:"training_days,omitempty"`
	TrainingHours   int     `json:"training_hours,omitempty"`
	MeetingOn       day.Day `json:"meeting_on,omitzero"`
	ApprovedOn      day.Day `json:"approved_on,omitzero"`
	ApprovalNote    string  `json:"approval_note,omitempty"`
	ExtensionMonths int     `json:"extension_months,omitempty"`
	ExtendedOn      day.Day `json:"extended_on,omitzero"`
	RejectedOn      day.Day `json:"rejected_on,omitzero"`
	RejectReason    string  `json:"reject_reason,omitempty"`
}

// TagKind is one of the 三培养 directions.
type TagKind string

const (
	TagMemberToRich      TagKind = "member_to_rich"       // 把党员培养成致富能手
	TagRichToMember      TagKind = "rich_to_member"       // 把致富能手培养成党员
	TagRichMemberToCadre TagKind = "rich_member_to_cadre" // 把党员致富能手培养成村干部
)

// TagKinds in the seed's order.
var TagKinds = []TagKind{TagMemberToRich, TagRichToMember, TagRichMemberToCadre}

// Valid reports whether k is a known 三培养 direction.
func (k TagKind) Valid() bool {
	return slices.Contains(TagKinds, k)
}

// Tag is one 三培养 tag with its dates.
type Tag struct {
	ID         int64   `json:"id"`
	MemberID   int64   `json:"member_id"`
	Kind       TagKind `json:"kind"`
	StartedOn  day.Day `json:"started_on"`
	AchievedOn day.Day `json:"achieved_on,omitzero"`
	EndedOn    day.Day `json:"ended_on,omitzero"`
	Note       string  `json:"note,omitempty"`
}

// Active reports whether the tag is neither achieved nor dropped.
func (t Tag) Active() bool { return t.AchievedOn.IsZero() && t.EndedOn.IsZero() }

// MemberOn reports whether the person was a party member (预备 or 正式)
// on day d. Records imported without a joining date count as members
// from the start; leaving ends membership on the day of leaving.
func (m Member) MemberOn(d time.Time) bool {
	on := day.Of(d)
	switch m.Status {
	case StatusProbationary, StatusFull:
	case StatusLeft:
		if m.JoinedOn.IsZero() && m.FullOn.IsZero() {
			return false // left the pipeline before ever joining
		}
	default:
		return false
	}
	if !m.JoinedOn.IsZero() && m.JoinedOn.After(on) {
		return false
	}
	if !m.LeftOn.IsZero() && !m.LeftOn.After(on) {
		return false
	}
	return true
}

// VotingOn reports whether the member had a vote on day d: a 正式党员
// by then. 预备党员 take part in meetings without a vote.
func (m Member) VotingOn(d time.Time) bool {
	if !m.MemberOn(d) {
		return false
	}
	if !m.FullOn.IsZero() {
		return !m.FullOn.After(day.Of(d))
	}
	return m.Status == StatusFull
}
