package centres

import "dangjian/internal/day"

// Due is where a deadline stands today.
type Due string

const (
	DueNone    Due = ""        // done, or no deadline
	DueLater   Due = "later"   // more than DueSoonDays ahead
	DueSoon    Due = "soon"    // today or within DueSoonDays
	DueOverdue Due = "overdue" // the deadline has passed
)

// Judge is the one way the centres judge a deadline: the case list, the
// register, a person's page and the start page all call it with the
// injected clock's today. A deadline today is due, not overdue; done
// work has no due state.
func (s *Service) Judge(deadline day.Day, done bool, today day.Day) Due {
	switch {
	case done || deadline.IsZero():
		return DueNone
	case deadline.Before(today):
		return DueOverdue
	case !deadline.After(today.AddDays(s.Rules.DueSoonDays)):
		return DueSoon
	}
	return DueLater
}

// today is the injected clock's day.
func (s *Service) today() day.Day { return day.Today(s.Clock) }
