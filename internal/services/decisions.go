package services

import (
	"context"
	"database/sql"

	"dangjian/internal/democracy"
	"dangjian/internal/finance"
)

// financeDecisions answers village finance about 四议两公开 matters from
// the village democracy programme: the two programmes do not know each
// other, the bundle introduces them.
type financeDecisions struct{ dem *democracy.Service }

func (f financeDecisions) PassedDecision(ctx context.Context, tx *sql.Tx, matterID int64) (finance.Decision, bool, error) {
	d, ok, err := f.dem.PassedDecision(ctx, tx, matterID)
	return finance.Decision(d), ok, err
}
