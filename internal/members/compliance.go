package members

import (
	"fmt"
	"time"

	"dangjian/internal/db"
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
	Cadence Cadence   `json:"cadence"`
	Start   time.Time `json:"start"`
	End     time.Time `json:"end"`
}

// PeriodOf is the period of cadence c that contains day d.
func PeriodOf(c Cadence, d time.Time) Period {
	y, m, _ := d.UTC().Date()
	switch c {
	case CadenceMonth:
	case CadenceQuarter:
		m = time.Month((int(m)-1)/3*3 + 1)
	default:
		m = time.January
	}
	start := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	return Period{Cadence: c, Start: start, End: start.AddDate(0, c.months(), 0)}
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
func (p Period) Contains(d time.Time) bool { return !d.Before(p.Start) && d.Before(p.End) }

// Label names the period: "2026-11", "2026Q4" or "2026".
func (p Period) Label() string {
	switch p.Cadence {
	case CadenceMonth:
		return p.Start.Format("2006-01")
	case CadenceQuarter:
		return fmt.Sprintf("%dQ%d", p.Start.Year(), (int(p.Start.Month())-1)/3+1)
	}
	return p.Start.Format("2006")
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
func kindCompliance(kind MeetingKind, year int, today, trackFrom time.Time, held []time.Time) KindCompliance {
	c := kind.Cadence()
	out := KindCompliance{Kind: kind, Cadence: c}
	trackStart := PeriodOf(c, trackFrom).Start
	for p := PeriodOf(c, time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)); p.Start.Year() == year; p = p.Next() {
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
func yearCompliance(year int, today, trackFrom time.Time, held map[MeetingKind][]time.Time) []KindCompliance {
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
	Since    time.Time   `json:"since"`
	Periods  int         `json:"periods"`
	LastHeld *time.Time  `json:"last_held,omitempty"`
}

// Overdue reports whether earlier periods were missed too, not only the
// current one that is still running.
func (o Outstanding) Overdue() bool { return o.Periods > 1 }

// outstanding works out whether kind is outstanding today given the last
// counting meeting (nil: never) and the day the branch's records begin.
func outstanding(kind MeetingKind, today, trackFrom time.Time, last *time.Time) (Outstanding, bool) {
	c := kind.Cadence()
	cur := PeriodOf(c, today)
	if last != nil && !last.Before(cur.Start) {
		return Outstanding{}, false
	}
	since := PeriodOf(c, trackFrom)
	if last != nil {
		if after := PeriodOf(c, *last).Next(); after.Start.After(since.Start) {
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
func trackingStart(founded *time.Time, created time.Time, firstHeld *time.Time) time.Time {
	start := db.Day(created)
	if founded != nil && founded.After(start) {
		start = *founded
	}
	if firstHeld != nil && firstHeld.Before(start) {
		start = *firstHeld
	}
	return start
}
