package members

import (
	"dangjian/internal/db"
	"dangjian/internal/people"
	"sync"
)

// Service is the member programme's use cases: the roster and the
// development pipeline.
type Service struct {
	DB     *db.DB
	Clock  db.Clock
	People *people.Service // identifier encryption and the resident registry
	// Background runs long work (roster imports) after the request that
	// started it; tests replace it to run the work at once.
	Background func(func())
	// running holds the progress of the imports this server runs.
	running sync.Map // job id → *importProgress
	places  placeCache
}

// NewService builds the service.
func NewService(d *db.DB, clock db.Clock, ppl *people.Service) *Service {
	return &Service{DB: d, Clock: clock, People: ppl, Background: func(f func()) { go f() }}
}
