// Package finance is village finance under 村财镇管村用 (seed §5.3): each
// village owns its money and the town's agent (镇代理会计, 三资代理服务中心)
// keeps every village's books. It holds the chart of accounts of the
// 农村集体经济组织会计制度 (2023), double-entry vouchers, posting and the
// monthly period close, the journal, ledger, trial balance and standard
// statements, the bank and cash reconciliation, expenditure requests routed
// by amount (一支笔, 两委 collectively, a passed 四议两公开 decision), their
// review by the 村务监督委员会 and payment by the agent, and the monthly
// 财务公开 handed to 五公开.
package finance

import (
	"context"
	"database/sql"

	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/disclosure"
)

// Service is village finance's use cases.
type Service struct {
	DB    *db.DB
	Clock db.Clock
	// Decisions answers whether a 四议两公开 matter passed; nil means no
	// decisions are recorded, so requests above the collective limit are
	// refused with the rule finance.decision_required.
	Decisions Decisions
	// Drafter files the monthly 财务公开 with 五公开; nil means disclosure
	// is not available and DraftMonthlyDisclosure says so.
	Drafter disclosure.Drafter
	// Limits are the approval limits of a town without its own.
	Limits Limits
}

// Limits are a town's approval limits in 分 (docs/domain.md#village-finance).
// A request up to Signer is approved by the 一支笔 signer; up to
// Collective by the 两委 at a recorded meeting; above Collective only with
// a passed 四议两公开 decision whose amount covers it. An amount equal to a
// limit stays within it: a 限额 is the most that level may approve.
type Limits struct {
	Signer     Fen `json:"signer_limit_fen"`
	Collective Fen `json:"collective_limit_fen"`
}

// DefaultLimits are 20,000 元 for the 一支笔 and 50,000 元 for the 两委.
var DefaultLimits = Limits{Signer: 20_000_00, Collective: 50_000_00}

// NewService builds the service with the default limits, no decisions and
// no disclosure; the application sets those it has.
func NewService(d *db.DB, clock db.Clock) *Service {
	return &Service{DB: d, Clock: clock, Limits: DefaultLimits}
}

// Decision is a 四议两公开 matter that passed its village's meeting.
type Decision struct {
	ID, OrgID int64
	Title     string
	AmountFen int64
	DecidedOn day.Day
}

// Decisions is what the 四议两公开 programme answers about one matter:
// the decision, and whether it passed (false for a matter still under way,
// rejected or unknown). It reads inside the caller's transaction.
type Decisions interface {
	PassedDecision(ctx context.Context, tx *sql.Tx, matterID int64) (Decision, bool, error)
}
