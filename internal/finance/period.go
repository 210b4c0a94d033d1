package finance

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// Period is one month of a village's books.
type Period struct {
	Period     string     `json:"period"`
	Vouchers   int64      `json:"vouchers"` // posted
	Drafts     int64      `json:"drafts"`
	ClosedAt   *time.Time `json:"closed_at,omitempty"`
	CloserName string     `json:"closer_name,omitempty"`
}

// ParsePeriod reads "2026-11"; ok is false for anything else.
func ParsePeriod(s string) (string, bool) {
	d, err := day.Parse(s + "-01")
	if err != nil || len(s) != 7 {
		return "", false
	}
	return PeriodOf(d), true
}

// periodEnd is the last day of a month "2026-11".
func periodEnd(period string) day.Day {
	return day.MustParse(period + "-01").AddMonths(1).AddDays(-1)
}

// ClosePeriod closes a month of a village's books (finance.keep): from then
// on no voucher dated in it is posted, created or changed; corrections are
// new vouchers in an open month. Rules: finance.period_not_ended (the month
// is over), finance.period_drafts (no voucher of it or before is still a
// draft) and finance.period_order (earlier months with postings are closed
// first). Closing takes the month's row as posting does, so a posting and
// the close racing each other are ordered: the posting lands before the
// close, or is refused after it.
func (s *Service) ClosePeriod(ctx context.Context, a *auth.Actor, orgID int64, period string) (Period, error) {
	var p Period
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, orgID, auth.PermFinanceKeep)
		if err != nil {
			return err
		}
		per, ok := ParsePeriod(period)
		if !ok {
			return apperr.Invalid("period", "finance.period_format", nil)
		}
		today := day.Today(s.Clock)
		if end := periodEnd(per); !end.Before(today) {
			return apperr.Rule("finance.period_not_ended", apperr.Params{"period": per, "end": end.String()})
		}
		now := s.Clock.Now()
		var closed sql.NullTime
		if err := tx.QueryRowContext(ctx, `INSERT INTO finance_periods(org_id, period, vouchers) VALUES ($1, $2, 0)
			ON CONFLICT (org_id, period) DO UPDATE SET vouchers = finance_periods.vouchers
			RETURNING vouchers, closed_at`, v.ID, per).Scan(&p.Vouchers, &closed); err != nil {
			return fmt.Errorf("finance: take period: %w", err)
		}
		if closed.Valid {
			return apperr.Conflict("finance.period_already_closed", apperr.Params{"period": per})
		}
		var earlier string
		err = tx.QueryRowContext(ctx, `SELECT period FROM finance_periods WHERE org_id = $1 AND period < $2
			AND closed_at IS NULL AND vouchers > 0 ORDER BY period LIMIT 1`, v.ID, per).Scan(&earlier)
		if err == nil {
			return apperr.Rule("finance.period_order", apperr.Params{"period": per, "earlier": earlier})
		} else if err != sql.ErrNoRows {
			return err
		}
		var drafts int64
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM finance_vouchers WHERE org_id = $1 AND period <= $2 AND status = $3`,
			v.ID, per, VoucherDraft).Scan(&drafts); err != nil {
			return err
		}
		if drafts > 0 {
			return apperr.Rule("finance.period_drafts", apperr.Params{"period": per, "drafts": drafts})
		}
		if _, err := tx.ExecContext(ctx, `UPDATE finance_periods SET closed_at = $1, closed_by = $2, closer_name = $3
			WHERE org_id = $4 AND period = $5`, now, a.UserRef(), a.DisplayName(), v.ID, per); err != nil {
			return err
		}
		p.Period, p.ClosedAt, p.CloserName = per, &now, a.DisplayName()
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.period_close", Entity: "finance_period",
			EntityID: v.ID, OrgID: v.ID, After: p})
	})
	return p, err
}

// Periods lists a village's months with postings or drafts, latest first.
func (s *Service) Periods(ctx context.Context, a *auth.Actor, orgID int64) ([]Period, error) {
	if _, err := villageFor(ctx, s.DB, a, orgID, ""); err != nil {
		return nil, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT p.period, p.vouchers, p.closed_at, p.closer_name,
		(SELECT COUNT(*) FROM finance_vouchers v WHERE v.org_id = p.org_id AND v.period = p.period AND v.status = $2)
		FROM finance_periods p WHERE p.org_id = $1 ORDER BY p.period DESC LIMIT 240`, orgID, VoucherDraft)
	if err != nil {
		return nil, fmt.Errorf("finance: list periods: %w", err)
	}
	out, err := db.Collect(rows, func(r *sql.Rows, p *Period) error {
		var closed sql.NullTime
		err := r.Scan(&p.Period, &p.Vouchers, &closed, &p.CloserName, &p.Drafts)
		p.ClosedAt = utcPtr(closed)
		return err
	})
	if err != nil {
		return nil, err
	}
	// Months with drafts only have no row yet.
	rows, err = s.DB.QueryContext(ctx, `SELECT v.period, COUNT(*) FROM finance_vouchers v WHERE v.org_id = $1 AND v.status = $2
		AND NOT EXISTS (SELECT 1 FROM finance_periods p WHERE p.org_id = v.org_id AND p.period = v.period) GROUP BY v.period`, orgID, VoucherDraft)
	if err != nil {
		return nil, err
	}
	extra, err := db.Collect(rows, func(r *sql.Rows, p *Period) error { return r.Scan(&p.Period, &p.Drafts) })
	if err != nil {
		return nil, err
	}
	out = append(out, extra...)
	sortPeriodsDesc(out)
	return out, nil
}

func sortPeriodsDesc(ps []Period) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].Period > ps[j].Period })
}
