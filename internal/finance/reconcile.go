package finance

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// ReconcileItem is one item explaining a difference between the ledger
// and the bank statement (or the cash count): what it adds to the
// statement's balance to reach the ledger's. A deposit booked but not yet
// on the statement is positive; a bank charge on the statement but not
// yet booked is negative.
type ReconcileItem struct {
	Description string `json:"description"`
	Amount      Fen    `json:"amount_fen"`
}

// Reconciliation is a month's 余额调节 of one bank or cash account.
type Reconciliation struct {
	ID           int64           `json:"id"`
	OrgID        int64           `json:"org_id"`
	AccountID    int64           `json:"account_id"`
	AccountCode  string          `json:"account_code"`
	AccountName  string          `json:"account_name"`
	Period       string          `json:"period"`
	Recorded     bool            `json:"recorded"`      // a statement balance has been entered
	Statement    Fen             `json:"statement_fen"` // the bank statement's balance, or the cash counted
	Ledger       Fen             `json:"ledger_fen"`    // the ledger's balance at the month's end, now
	Difference   Fen             `json:"difference_fen"`
	Unexplained  Fen             `json:"unexplained_fen"` // difference less the items; 0 when reconciled
	Items        []ReconcileItem `json:"items"`
	RecorderName string          `json:"recorder_name,omitempty"`
	RecordedAt   *time.Time      `json:"recorded_at,omitempty"`
}

// Reconciled reports whether every fen of the difference is explained.
func (r Reconciliation) Reconciled() bool { return r.Recorded && r.Unexplained == 0 }

// NewReconciliation is a month's statement balance and explaining items.
type NewReconciliation struct {
	OrgID       int64           `json:"org_id"`
	AccountCode string          `json:"account_code"`
	Period      string          `json:"period"`
	Statement   Fen             `json:"statement_fen"`
	Items       []ReconcileItem `json:"items"`
}

// ledgerAt is an account's posted balance at the end of period.
func ledgerAt(ctx context.Context, q db.Queryer, accountID int64, period string) (Fen, error) {
	var b Fen
	err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(debit_fen - credit_fen), 0) FROM finance_balances
		WHERE account_id = $1 AND period <= $2`, accountID, period).Scan(&b)
	return b, err
}

// Reconcile records a month's reconciliation of a bank or cash account
// (finance.keep over the village), replacing an earlier one of the month
// while it is open (finance.reconcile_closed). The differences stay
// listed: what the items do not explain shows as unexplained.
func (s *Service) Reconcile(ctx context.Context, a *auth.Actor, in NewReconciliation) (Reconciliation, error) {
	var out Reconciliation
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermFinanceKeep)
		if err != nil {
			return err
		}
		if err := seedChart(ctx, tx, v.ID); err != nil {
			return err
		}
		f := apperr.Fields{}
		per, ok := ParsePeriod(in.Period)
		if !ok {
			f.Add("period", "finance.period_format", nil)
		}
		x, found, err := accountByCode(ctx, tx, v.ID, strings.TrimSpace(in.AccountCode))
		if err != nil {
			return err
		}
		if !found || !x.Leaf || !isMoney(x.Code) {
			f.Add("account_code", "finance.pay_account", nil)
		}
		if in.Statement < -MaxFen || in.Statement > MaxFen {
			f.Add("statement", "finance.amount_range", apperr.Params{"max": MaxFen})
		}
		if len(in.Items) > MaxLines {
			f.Add("items", "finance.lines_count", apperr.Params{"max": MaxLines})
		}
		for i := range in.Items {
			field := "items." + strconv.Itoa(i)
			in.Items[i].Description = apperr.Text(f, field+".description", in.Items[i].Description, 100, true)
			if in.Items[i].Amount == 0 || in.Items[i].Amount < -MaxFen || in.Items[i].Amount > MaxFen {
				f.Add(field+".amount", "finance.amount_range", apperr.Params{"max": MaxFen})
			}
		}
		if err := f.Err(); err != nil {
			return err
		}
		var closed sql.NullTime
		if err := tx.QueryRowContext(ctx, `SELECT closed_at FROM finance_periods WHERE org_id = $1 AND period = $2`, v.ID, per).Scan(&closed); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		before, err := reconciliationOf(ctx, tx, x, per)
		if err != nil {
			return err
		}
		if closed.Valid && before.Recorded {
			return apperr.Rule("finance.reconcile_closed", apperr.Params{"period": per})
		}
		ledger, err := ledgerAt(ctx, tx, x.ID, per)
		if err != nil {
			return err
		}
		now := s.Clock.Now()
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO finance_reconciliations(org_id, account_id, period, statement_fen, ledger_fen,
			recorded_by, recorder_name, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			ON CONFLICT (account_id, period) DO UPDATE SET statement_fen = excluded.statement_fen, ledger_fen = excluded.ledger_fen,
			recorded_by = excluded.recorded_by, recorder_name = excluded.recorder_name, recorded_at = excluded.recorded_at
			RETURNING id`, v.ID, x.ID, per, int64(in.Statement), int64(ledger), a.UserRef(), a.DisplayName(), now).Scan(&id); err != nil {
			return fmt.Errorf("finance: record reconciliation: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM finance_reconciliation_items WHERE reconciliation_id = $1`, id); err != nil {
			return err
		}
		for _, it := range in.Items {
			if _, err := tx.ExecContext(ctx, `INSERT INTO finance_reconciliation_items(reconciliation_id, description, amount_fen)
				VALUES ($1, $2, $3)`, id, it.Description, int64(it.Amount)); err != nil {
				return err
			}
		}
		if out, err = reconciliationOf(ctx, tx, x, per); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.reconcile", Entity: "finance_reconciliation",
			EntityID: id, OrgID: v.ID, Before: before, After: out})
	})
	return out, err
}

// reconciliationOf reads an account's reconciliation of a month with the
// ledger's balance now; Recorded is false when none was entered.
func reconciliationOf(ctx context.Context, q db.Queryer, x Account, period string) (Reconciliation, error) {
	r := Reconciliation{OrgID: x.OrgID, AccountID: x.ID, AccountCode: x.Code, AccountName: x.Name, Period: period, Items: []ReconcileItem{}}
	var at sql.NullTime
	err := q.QueryRowContext(ctx, `SELECT id, statement_fen, recorder_name, recorded_at FROM finance_reconciliations
		WHERE account_id = $1 AND period = $2`, x.ID, period).Scan(&r.ID, &r.Statement, &r.RecorderName, &at)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return r, err
	default:
		r.Recorded, r.RecordedAt = true, utcPtr(at)
		rows, err := q.QueryContext(ctx, `SELECT description, amount_fen FROM finance_reconciliation_items
			WHERE reconciliation_id = $1 ORDER BY id`, r.ID)
		if err != nil {
			return r, err
		}
		if r.Items, err = db.Collect(rows, func(rs *sql.Rows, it *ReconcileItem) error { return rs.Scan(&it.Description, &it.Amount) }); err != nil {
			return r, err
		}
	}
	if r.Ledger, err = ledgerAt(ctx, q, x.ID, period); err != nil {
		return r, err
	}
	if r.Recorded {
		r.Difference = r.Ledger - r.Statement
		r.Unexplained = r.Difference
		for _, it := range r.Items {
			r.Unexplained -= it.Amount
		}
	}
	return r, nil
}

// Reconciliations is a month's reconciliation of every cash and bank
// account of a village (finance.read), recorded or not.
func (s *Service) Reconciliations(ctx context.Context, a *auth.Actor, orgID int64, period string) ([]Reconciliation, error) {
	var out []Reconciliation
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, orgID, "")
		if err != nil {
			return err
		}
		per, ok := ParsePeriod(period)
		if !ok {
			return apperr.Invalid("period", "finance.period_format", nil)
		}
		chart, err := chartOf(ctx, tx, v.ID)
		if err != nil {
			return err
		}
		out = []Reconciliation{}
		for _, x := range chart {
			if x.Leaf && isMoney(x.Code) {
				r, err := reconciliationOf(ctx, tx, x, per)
				if err != nil {
					return err
				}
				out = append(out, r)
			}
		}
		return nil
	})
	return out, err
}
