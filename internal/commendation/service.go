package commendation

import (
	"dangjian/internal/db"
	"dangjian/internal/disclosure"
)

// Service is the commendation's use cases.
type Service struct {
	DB    *db.DB
	Clock db.Clock
	// Drafter files the result with 党务公开; nil where that programme is
	// not part of the application, and the result is then not published
	// (the sheet says so).
	Drafter disclosure.Drafter
}

// NewService builds the service; d may be nil.
func NewService(database *db.DB, clock db.Clock, d disclosure.Drafter) *Service {
	return &Service{DB: database, Clock: clock, Drafter: d}
}
