// Package orglife is the branches' organisational life (seed §4):
// 三会一课 and other meetings with their compliance, 设岗定责, 评星授旗,
// 民主评议, 谏言献策, the care fund (激励关怀帮扶资金) and a member's
// self-service page. The people it concerns are member records of the
// members programme, read through that package's exported loaders so
// the members table keeps one owner.
package orglife

import "dangjian/internal/db"

// Service is organisational life's use cases.
type Service struct {
	DB    *db.DB
	Clock db.Clock
	Rules Rules
}

// Rules are the configurable numbers of this programme; DefaultRules
// carries the national defaults (docs/domain.md#rules).
type Rules struct {
	// ExcellentShareMax caps 优秀 in 民主评议 as a fraction of graded members.
	ExcellentShareMax float64
}

var DefaultRules = Rules{ExcellentShareMax: 1.0 / 3}

// NewService builds the service with the default rules.
func NewService(d *db.DB, clock db.Clock) *Service {
	return &Service{DB: d, Clock: clock, Rules: DefaultRules}
}
