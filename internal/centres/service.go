// Package centres is the work of the five village centres (seed §3): the
// centre pages with their leaders derived from post holders, 民事调解中心's
// cases, 民情信息, 接待日 rota and 村企信息共享 notes, the key and
// vulnerable group registers with visit plans and visits, and 民事代办
// requests filed with a tracking code. The centres and their leaders
// belong to internal/org and are never stored here.
package centres

import (
	"time"

	"dangjian/internal/db"
	"dangjian/internal/org"
)

// Service is the centres' use cases.
type Service struct {
	DB    *db.DB
	Clock db.Clock
	Org   *org.Service
	Rules Rules
}

// Rules are the centres' configurable numbers; DefaultRules are the
// defaults of docs/domain.md#centres.
type Rules struct {
	// CaseDays is a mediation case's deadline from the day it is opened.
	CaseDays int
	// RequestDays is a 民事代办 request's deadline from the day it is filed.
	RequestDays int
	// DueSoonDays is how far ahead a deadline counts as due.
	DueSoonDays int
	// TrackLimit wrong tracking codes from one address within TrackWindow
	// stop further lookups from it; FileLimit requests filed from one
	// address within FileWindow stop further filing.
	TrackLimit  int
	TrackWindow time.Duration
	FileLimit   int
	FileWindow  time.Duration
}

// DefaultRules: a case within 30 days, a request within 7, due within a
// week; 10 wrong codes a quarter of an hour, 5 requests an hour.
var DefaultRules = Rules{CaseDays: 30, RequestDays: 7, DueSoonDays: 7,
	TrackLimit: 10, TrackWindow: 15 * time.Minute, FileLimit: 5, FileWindow: time.Hour}

// NewService builds the service with the default rules.
func NewService(d *db.DB, clock db.Clock, o *org.Service) *Service {
	return &Service{DB: d, Clock: clock, Org: o, Rules: DefaultRules}
}
