package appraisal

import (
	"dangjian/internal/db"
	"dangjian/internal/org"
)

// Service is 双述双评's use cases.
type Service struct {
	DB    *db.DB
	Clock db.Clock
	Org   *org.Service // the 两委 a new round assesses
}

// NewService builds the service.
func NewService(d *db.DB, clock db.Clock, o *org.Service) *Service {
	return &Service{DB: d, Clock: clock, Org: o}
}
