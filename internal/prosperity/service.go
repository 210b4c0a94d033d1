// Package prosperity is the prosperity programme (致富工程, seed §2):
// industries per village (一村一品 and specialties), cooperatives
// (专业合作组织) with their member households and the links of the
// 支部+产业+专业合作组织+农户 model; trainings of the four kinds with
// sessions, attendance by residents, skills and certificates earned; and
// the two targets measured from the registry.
package prosperity

import "dangjian/internal/db"

// Service is the prosperity programme's use cases.
type Service struct {
	DB    *db.DB
	Clock db.Clock
	Rules Rules
}

// Rules are the programme's configurable numbers.
type Rules struct {
	// YoungFrom and YoungTo bound 青壮年 in full years (both included).
	YoungFrom, YoungTo int
}

// DefaultRules: 青壮年 is 18 to 45.
var DefaultRules = Rules{YoungFrom: 18, YoungTo: 45}

// NewService builds the service with the default rules.
func NewService(d *db.DB, clock db.Clock) *Service {
	return &Service{DB: d, Clock: clock, Rules: DefaultRules}
}
