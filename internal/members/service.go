package members

import (
	"dangjian/internal/db"
	"dangjian/internal/people"
)

// Service is the member programme's use cases.
type Service struct {
	DB     *db.DB
	Clock  db.Clock
	People *people.Service // identifier encryption and the resident registry
	Rules  Rules
	// Background runs long work (roster imports) after the request that
	// started it; tests replace it to run the work at once.
	Background func(func())
}

// Rules are the configurable numbers of this programme; DefaultRules
// carries the national defaults (docs/domain.md#rules).
type Rules struct {
	// ExcellentShareMax caps 优秀 in 民主评议 as a fraction of graded members.
	ExcellentShareMax float64
}

var DefaultRules = Rules{ExcellentShareMax: 1.0 / 3}

// NewService builds the service with the default rules.
func NewService(d *db.DB, clock db.Clock, ppl *people.Service) *Service {
	return &Service{DB: d, Clock: clock, People: ppl, Rules: DefaultRules, Background: func(f func()) { go f() }}
}
