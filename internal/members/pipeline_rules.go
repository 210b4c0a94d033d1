package members

import (
	"slices"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

// Step is one dated act of the development pipeline (发展党员工作细则).
type Step string

const (
	StepTalk      Step = "talk"      // 党组织派人谈话（申请后一个月内）
	StepActivist  Step = "activist"  // 列为入党积极分子
	StepCandidate Step = "candidate" // 列为发展对象（积极分子满一年）
	StepAdmit     Step = "admit"     // 支部大会讨论接收为预备党员（须经集中培训）
	StepApprove   Step = "approve"   // 上级党委审批（三个月内，最长六个月）
	StepFull      Step = "full"      // 预备期满转为正式党员
	StepExtend    Step = "extend"    // 延长预备期（6–12 个月，仅一次）
	StepReject    Step = "reject"    // 中止发展 / 取消预备党员资格
)

// Steps lists every step in pipeline order, for forms and the API.
var Steps = []Step{StepTalk, StepActivist, StepCandidate, StepAdmit, StepApprove, StepFull, StepExtend, StepReject}

// Valid reports whether s is a known step.
func (s Step) Valid() bool {
	return slices.Contains(Steps, s)
}

// The numbers of the development gates (发展党员工作细则 arts. 13, 17, 24,
// 27, 30, 32). They are national rules, not local settings.
const (
	MinApplicantAge       = 18 // 年满十八岁
	TalkWithinMonths      = 1  // 一个月内派人谈话
	ActivistMonths        = 12 // 积极分子培养教育一年以上
	MinTrainingDays       = 3  // 集中培训不少于三天
	MinTrainingHours      = 24 // 或不少于二十四学时
	ApprovalMonths        = 3  // 上级党委三个月内审批
	ApprovalMaxMonths     = 6  // 特殊情况最长六个月
	ProbationMonths       = 12 // 预备期一年
	ExtensionMinMonths    = 6  // 延长预备期不少于半年
	ExtensionMaxMonths    = 12 // 最长不超过一年
	ProbationGraceMonths  = 1  // 预备期满后一个月内未讨论转正即为逾期（看板提示）
	ApprovalOverdueMonths = ApprovalMonths
)

// StepInput is what a step records. Only the fields of that step are read.
type StepInput struct {
	Step          Step
	On            time.Time
	TrainingDays  int    // admit
	TrainingHours int    // admit
	Months        int    // extend
	Note          string // approve (why later than three months), reject (reason, required)
}

// addMonths moves t by n calendar months, clamping to the month's last
// day: one month after 31 January is 28 (or 29) February, not 3 March.
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	if d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, 0, 0, 0, 0, time.UTC)
}

// TalkDeadline is the last day of the month after the application within
// which the party organisation must talk with the applicant
// (pipeline.talk_within_month). A later talk is still recorded — it
// happened — but marked late; the lapse is the organisation's, not the
// applicant's, so it does not bar the next step.
func TalkDeadline(applied time.Time) time.Time { return addMonths(applied, TalkWithinMonths) }

// CandidateFrom is the first day an activist may become a 发展对象.
func CandidateFrom(activistOn time.Time) time.Time { return addMonths(activistOn, ActivistMonths) }

// ProbationEnd is the first day a 预备党员 may become 正式.
func ProbationEnd(joined time.Time, extensionMonths int) time.Time {
	return addMonths(joined, ProbationMonths+extensionMonths)
}

// nextSteps says what may follow where a person stands; the first is the
// normal next step, shown in the order rule's message.
func nextSteps(m Member, p Pipeline) []Step {
	switch m.Status {
	case StatusApplicant:
		if p.TalkOn.IsZero() {
			return []Step{StepTalk, StepReject}
		}
		return []Step{StepActivist, StepReject}
	case StatusActivist:
		return []Step{StepCandidate, StepReject}
	case StatusCandidate:
		if p.MeetingOn.IsZero() {
			return []Step{StepAdmit, StepReject}
		}
		return []Step{StepApprove, StepReject}
	case StatusProbationary:
		if p.ExtensionMonths == 0 {
			return []Step{StepFull, StepExtend, StepReject}
		}
		return []Step{StepFull, StepReject}
	}
	return nil
}

// previousDate is the date of the step before: no step may be dated
// earlier than the one it follows.
func previousDate(m Member, p Pipeline) (time.Time, Step) {
	var last time.Time
	var step Step
	for _, d := range []struct {
		on   time.Time
		step Step
	}{{m.AppliedOn.Time(), "apply"}, {p.TalkOn.Time(), StepTalk}, {p.ActivistOn.Time(), StepActivist},
		{p.CandidateOn.Time(), StepCandidate}, {p.MeetingOn.Time(), StepAdmit}, {m.JoinedOn.Time(), StepAdmit},
		{p.ApprovedOn.Time(), StepApprove}, {p.ExtendedOn.Time(), StepExtend}} {
		if !d.on.IsZero() && !d.on.Before(last) {
			last, step = d.on, d.step
		}
	}
	return last, step
}

// storedDay is a day as the members tables (members, member_pipeline,
// member_tags) hold their dates: the day's midnight, as every write sends
// them (on SQLite the text of a time, which the report's date ranges
// compare against), NULL for none.
func storedDay(d day.Day) any {
	if d.IsZero() {
		return nil
	}
	return d.Time()
}

func stepKey(s Step) i18n.Key { return i18n.Key("pipeline.step." + string(s)) }

func statusKey(s Status) i18n.Key { return i18n.Key("member.status." + string(s)) }

// CheckStep applies every gate to a step as of today. It returns nil or
// the first violated rule, whose message names the numbers and, where a
// date gates the step, the date it becomes possible.
func CheckStep(m Member, p Pipeline, in StepInput, today time.Time) error {
	on := in.On
	if on.IsZero() {
		return apperr.Invalid("on", "error.date_required", nil)
	}
	if on.After(today) {
		return apperr.Rule("pipeline.future_date", apperr.Params{"date": on, "today": today})
	}
	next := nextSteps(m, p)
	allowed := false
	for _, s := range next {
		allowed = allowed || s == in.Step
	}
	if !allowed {
		if len(next) == 0 {
			return apperr.Rule("pipeline.order_done", apperr.Params{"status": statusKey(m.Status), "step": stepKey(in.Step)})
		}
		if in.Step == StepExtend && m.Status == StatusProbationary {
			return apperr.Rule("pipeline.extension_once", apperr.Params{"date": p.ExtendedOn, "months": p.ExtensionMonths})
		}
		return apperr.Rule("pipeline.order", apperr.Params{"status": statusKey(m.Status), "step": stepKey(in.Step), "next": stepKey(next[0])})
	}
	if prev, prevStep := previousDate(m, p); !prev.IsZero() && on.Before(prev) {
		return apperr.Rule("pipeline.date_order", apperr.Params{"date": on, "prev": prev, "prev_step": stepKey(prevStep)})
	}
	switch in.Step {
	case StepCandidate:
		if from := CandidateFrom(p.ActivistOn.Time()); on.Before(from) {
			return apperr.Rule("pipeline.activist_year", apperr.Params{"activist_on": p.ActivistOn, "earliest": from, "months": ActivistMonths})
		}
	case StepAdmit:
		if in.TrainingDays < MinTrainingDays && in.TrainingHours < MinTrainingHours {
			return apperr.Rule("pipeline.training", apperr.Params{"days": in.TrainingDays, "hours": in.TrainingHours,
				"min_days": MinTrainingDays, "min_hours": MinTrainingHours})
		}
	case StepApprove:
		meeting := p.MeetingOn.Time()
		normal, latest := addMonths(meeting, ApprovalMonths), addMonths(meeting, ApprovalMaxMonths)
		if on.After(latest) || (on.After(normal) && strings.TrimSpace(in.Note) == "") {
			return apperr.Rule("pipeline.approval_window", apperr.Params{"meeting": p.MeetingOn, "normal": normal, "latest": latest})
		}
	case StepFull:
		joined := m.JoinedOn.Time()
		if from := ProbationEnd(joined, p.ExtensionMonths); on.Before(from) {
			return apperr.Rule("pipeline.probation_year", apperr.Params{"joined": joined, "months": ProbationMonths + p.ExtensionMonths, "earliest": from})
		}
	case StepExtend:
		if in.Months < ExtensionMinMonths || in.Months > ExtensionMaxMonths {
			return apperr.Rule("pipeline.extension_length", apperr.Params{"months": in.Months, "min": ExtensionMinMonths, "max": ExtensionMaxMonths})
		}
	case StepReject:
		if strings.TrimSpace(in.Note) == "" {
			return apperr.Invalid("note", "pipeline.reason_required", nil)
		}
	}
	return nil
}

// CheckApplicant applies pipeline.applicant_age to an application.
func CheckApplicant(birth, applied, today time.Time) error {
	if applied.After(today) {
		return apperr.Rule("pipeline.future_date", apperr.Params{"date": applied, "today": today})
	}
	if people.AgeOn(day.Of(birth), day.Of(applied)) < MinApplicantAge {
		return apperr.Rule("pipeline.applicant_age", apperr.Params{"age": MinApplicantAge, "birth": birth,
			"earliest": birth.AddDate(MinApplicantAge, 0, 0)})
	}
	return nil
}
