package finance

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// Account is one account of a village's chart.
type Account struct {
	ID        int64  `json:"id"`
	OrgID     int64  `json:"org_id"`
	Code      string `json:"code"`
	Name      string `json:"name"`
	Class     Class  `json:"class"`
	DebitSide bool   `json:"debit_side"`
	ParentID  int64  `json:"parent_id,omitempty"`
	Standard  bool   `json:"standard"`
	// Leaf is false for an account with sub-accounts: lines go on the
	// sub-accounts, and the account shows their sum.
	Leaf bool `json:"leaf"`
}

const accountColumns = `a.id, a.org_id, a.code, a.name, a.class, a.debit_side, COALESCE(a.parent_id, 0), a.standard,
	NOT EXISTS (SELECT 1 FROM finance_accounts c WHERE c.parent_id = a.id)`

func scanAccount(r interface{ Scan(...any) error }, x *Account) error {
	return r.Scan(&x.ID, &x.OrgID, &x.Code, &x.Name, &x.Class, &x.DebitSide, &x.ParentID, &x.Standard, &x.Leaf)
}

// chartOf reads a village's accounts in code order.
func chartOf(ctx context.Context, q db.Queryer, orgID int64) ([]Account, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+accountColumns+` FROM finance_accounts a WHERE a.org_id = $1 ORDER BY a.code`, orgID)
	if err != nil {
		return nil, fmt.Errorf("finance: read chart: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, x *Account) error { return scanAccount(r, x) })
}

// Accounts is a village's chart of accounts. A village whose books are
// not open yet shows the standard chart it will get.
func (s *Service) Accounts(ctx context.Context, a *auth.Actor, orgID int64) ([]Account, error) {
	var out []Account
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := villageFor(ctx, tx, a, orgID, ""); err != nil {
			return err
		}
		var err error
		out, err = chartOf(ctx, tx, orgID)
		return err
	})
	if err == nil && len(out) == 0 {
		for _, c := range Chart {
			out = append(out, Account{OrgID: orgID, Code: c.Code, Name: c.Name, Class: c.Class, DebitSide: c.DebitSide, Standard: true, Leaf: true})
		}
	}
	return out, err
}

// NewAccount is a sub-account added below an account of the chart.
type NewAccount struct {
	OrgID      int64  `json:"org_id"`
	ParentCode string `json:"parent_code"`
	Code       string `json:"code"`
	Name       string `json:"name"`
}

// AddAccount adds a sub-account (finance.keep over the village). Its code
// extends its parent's by two digits (10201 below 102) and it takes the
// parent's class and side. An account that already carries postings
// cannot get sub-accounts: its lines would then sit above its children.
func (s *Service) AddAccount(ctx context.Context, a *auth.Actor, in NewAccount) (Account, error) {
	var x Account
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermFinanceKeep)
		if err != nil {
			return err
		}
		if err := seedChart(ctx, tx, v.ID); err != nil {
			return err
		}
		f := apperr.Fields{}
		in.Name = apperr.Text(f, "name", in.Name, 40, true)
		in.Code = strings.TrimSpace(in.Code)
		parent, found, err := accountByCode(ctx, tx, v.ID, strings.TrimSpace(in.ParentCode))
		if err != nil {
			return err
		}
		switch {
		case !found:
			f.Add("parent_code", "finance.account_unknown", apperr.Params{"code": in.ParentCode})
		case len(in.Code) != len(parent.Code)+2 || !strings.HasPrefix(in.Code, parent.Code) || !digitsOnly(in.Code):
			f.Add("code", "finance.account_code", apperr.Params{"parent": parent.Code})
		}
		if err := f.Err(); err != nil {
			return err
		}
		if parent.Leaf {
			var lines int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM finance_lines WHERE account_id = $1`, parent.ID).Scan(&lines); err != nil {
				return err
			}
			if lines > 0 {
				return apperr.Rule("finance.account_in_use", apperr.Params{"code": parent.Code, "name": parent.Name, "lines": lines})
			}
		}
		x = Account{OrgID: v.ID, Code: in.Code, Name: in.Name, Class: parent.Class, DebitSide: parent.DebitSide, ParentID: parent.ID, Leaf: true}
		err = tx.QueryRowContext(ctx, `INSERT INTO finance_accounts(org_id, code, name, class, debit_side, parent_id, standard)
			VALUES ($1, $2, $3, $4, $5, $6, FALSE) RETURNING id`, x.OrgID, x.Code, x.Name, string(x.Class), x.DebitSide, x.ParentID).Scan(&x.ID)
		if db.IsUniqueViolation(err) {
			return apperr.Invalid("code", "finance.account_exists", apperr.Params{"code": in.Code})
		}
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "finance.account_add", Entity: "finance_account",
			EntityID: x.ID, OrgID: v.ID, After: x})
	})
	return x, err
}

func accountByCode(ctx context.Context, q db.Queryer, orgID int64, code string) (Account, bool, error) {
	var x Account
	err := scanAccount(q.QueryRowContext(ctx, `SELECT `+accountColumns+` FROM finance_accounts a WHERE a.org_id = $1 AND a.code = $2`, orgID, code), &x)
	if err == sql.ErrNoRows {
		return x, false, nil
	}
	if err != nil {
		return x, false, fmt.Errorf("finance: account %s: %w", code, err)
	}
	return x, true, nil
}

func digitsOnly(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
