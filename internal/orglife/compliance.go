package orglife

import (
	"fmt"
	"time"

	"dangjian/internal/day"
)

// Cadence is how often a kind of meeting must be held.
type Cadence string

const (
	CadenceMonth   Cadence = "month"
	CadenceQuarter Cadence = "quarter"
	CadenceYear    Cadence = "year"
)

// meetingCadences are the cadences of the 支部工作条例 (docs/domain.md#meetings, R4.21):
// 支部党员大会 at least quarterly, 支委会 monthly, 党小组会 monthly, 党课
// at least quarterly, 主题党日 monthly, 组织生活会 yearly.
var meetingCadences = map[MeetingKind]Cadence{
	MeetingAssembly:  CadenceQuarter,
	MeetingCommittee: CadenceMonth,
	MeetingGroup:     CadenceMonth,
	MeetingLecture:   CadenceQuarter,
	MeetingThemeDay:  CadenceMonth,
	MeetingLife:      CadenceYear,
}

// Cadence is how often the kind must be held.
func (k MeetingKind) Cadence() Cadence { return meetingCadences[k] }

// Period is one month, quarter or year: [Start, End).
type Period struct {
	Cadence Cadence `json:"cadence"`
	Start   day.Day `json:"start"`
	End     day.Day `json:"end"`
}

// PeriodOf is the period of cadence c that contains day d.
func PeriodOf(c Cadence, d day.Day) Period {
	y, m := d.Year(), d.Month()
	switch c {
	case CadenceMonth:
	case CadenceQuarter:
		m = time.Month((int(m)-1)/3*3 + 1)
	default:
		m = time.January
	}
	start := day.New(y, m, 1)
	return Period{Cadence: c, Start: start, End: start.AddMonths(c.months())}
}

func (c Cadence) months() int {
	switch c {
	case CadenceMonth:
		return 1
	case CadenceQuarter:
		return 3
	}
	return 12
}

// Next is the period after p.
func (p Period) Next() Period { return PeriodOf(p.Cadence, p.End) }

// Contains reports whether day d lies in p.
func (p Period) Contains(d day.Day) bool { return !d.Before(p.Start) && d.Before(p.End) }

// Label names the period: "2026-11", "2026Q4" or "2026".
func (p Period) Label() string {
	switch p.Cadence {
	case CadenceMonth:
		return fmt.Sprintf("%04d-%02d", p.Start.Year(), int(p.Start.Month()))
	case CadenceQuarter:
		return fmt.Sprintf("%dQ%d", p.Start.Year(), (int(p.Start.Month())-1)/3+1)
	}
	return fmt.Sprintf("%04d", p.Start.Year())
}

// index numbers periods consecutively, so the distance between two is a
// subtraction.
func (p Period) index() int {
	return (p.Start.Year()*12 + int(p.Start.Month()) - 1) / p.Cadence.months()
}

// PeriodState is how a branch stands in one period for one kind.
type PeriodState string

const (
	PeriodMet       PeriodState = "met"       // held at least once (and counting)
	PeriodMissed    PeriodState = "missed"    // the period is over and it was not held
	PeriodDue       PeriodState = "due"       // the current period, not held yet
	PeriodUpcoming  PeriodState = "upcoming"  // not begun
	PeriodUntracked PeriodState = "untracked" // before the branch's records begin
)

// PeriodResult is one period of a kind's compliance.
type PeriodResult struct {
	Period
	Label string      `json:"label"`
	State PeriodState `json:"state"`
	Held  int         `json:"held"`
}

// KindCompliance is one kind of meeting over one year for one branch.
type KindCompliance struct {
	Kind    MeetingKind    `json:"kind"`
	Cadence Cadence        `json:"cadence"`
	Periods []PeriodResult `json:"periods"`
	// Met counts periods held; Required counts periods that had to be
	// held by today: those over, plus the current one once it is met.
	Met      int `json:"met"`
	Required int `json:"required"`
}

// Rate is Met as a whole percentage of Required, or -1 when nothing was
// required yet.
func (k KindCompliance) Rate() int {
	if k.Required == 0 {
		return -1
	}
	return k.Met * 100 / k.Required
}

// Complete reports whether nothing required is missing.
func (k KindCompliance) Complete() bool { return k.Met == k.Required }

// kindCompliance is the compliance of one kind in one year: a pure
// function of the counting meetings' dates, today and the day the
// branch's records begin (periods wholly before it are not assessed).
func kindCompliance(kind MeetingKind, year int, today, trackFrom day.Day, held []day.Day) KindCompliance {
	c := kind.Cadence()
	out := KindCompliance{Kind: kind, Cadence: c}
	trackStart := PeriodOf(c, trackFrom).Start
	for p := PeriodOf(c, day.New(year, time.January, 1)); p.Start.Year() == year; p = p.Next() {
		r := PeriodResult{Period: p, Label: p.Label()}
		for _, d := range held {
			if p.Contains(d) {
				r.Held++
			}
		}
		switch {
		case p.Start.After(today):
			r.State = PeriodUpcoming
		case p.Start.Before(trackStart):
			r.State = PeriodUntracked
		case r.Held > 0:
			r.State = PeriodMet
			out.Met++
			out.Required++
		case p.Contains(today):
			r.State = PeriodDue
		default:
			r.State = PeriodMissed
			out.Required++
		}
		out.Periods = append(out.Periods, r)
	}
	return out
}

// yearCompliance is every kind for one branch and year; held maps each
// kind to its counting meetings' dates.
func yearCompliance(year int, today, trackFrom day.Day, held map[MeetingKind][]day.Day) []KindCompliance {
	out := make([]KindCompliance, 0, len(MeetingKinds))
	for _, k := range MeetingKinds {
		out = append(out, kindCompliance(k, year, today, trackFrom, held[k]))
	}
	return out
}

// Outstanding is a kind of meeting a branch has not held in the current
// period: since when (the first period in the unbroken run without one)
// and how many periods that run spans, the current one included.
type Outstanding struct {
	Kind     MeetingKind `json:"kind"`
	Cadence  Cadence     `json:"cadence"`
	Current  Period      `json:"current"`
	Since    day.Day     `json:"since"`
	Periods  int         `json:"periods"`
	LastHeld day.Day     `json:"last_held,omitzero"`
}

// Overdue reports whether earlier periods were missed too, not only the
// current one that is still running.
func (o Outstanding) Overdue() bool { return o.Periods > 1 }

// outstanding works out whether kind is outstanding today given the last
// counting meeting (zero: never) and the day the branch's records begin.
func outstanding(kind MeetingKind, today, trackFrom, last day.Day) (Outstanding, bool) {
	c := kind.Cadence()
	cur := PeriodOf(c, today)
	if !last.IsZero() && !last.Before(cur.Start) {
		return Outstanding{}, false
	}
	since := PeriodOf(c, trackFrom)
	if !last.IsZero() {
		if after := PeriodOf(c, last).Next(); after.Start.After(since.Start) {
			since = after
		}
	}
	if since.Start.After(cur.Start) {
		since = cur // records begin in the future: only the current period is due
	}
	return Outstanding{Kind: kind, Cadence: c, Current: cur, Since: since.Start,
		Periods: cur.index() - since.index() + 1, LastHeld: last}, true
}

// trackingStart is the day a branch's meeting records begin. It is the
// day the branch entered the system, or its founding when that is later,
// so a town that starts using the system is not shown years of arrears
// from before; a meeting recorded from earlier paper records moves the
// start back to it.
// Zero founded or firstHeld: not known.
func trackingStart(founded, created, firstHeld day.Day) day.Day {
	start := created
	if founded.After(start) {
		start = founded
	}
	if !firstHeld.IsZero() && firstHeld.Before(start) {
		start = firstHeld
	}
	return start
}
