package finance

import (
	"context"
	"database/sql"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// TrialRow is one account of a trial balance (科目余额表). Balances are
// signed, debit positive: Opening + Debit − Credit = Closing. A parent
// account's row is the sum of its sub-accounts'.
type TrialRow struct {
	AccountID int64  `json:"account_id"`
	Code      string `json:"code"`
	Name      string `json:"name"`
	Class     Class  `json:"class"`
	DebitSide bool   `json:"debit_side"`
	ParentID  int64  `json:"parent_id,omitempty"`
	Leaf      bool   `json:"leaf"`
	Opening   Fen    `json:"opening_fen"`
	Debit     Fen    `json:"debit_fen"`
	Credit    Fen    `json:"credit_fen"`
	Closing   Fen    `json:"closing_fen"`
}

// Side splits a signed balance into its debit and credit columns.
func Side(balance Fen) (debit, credit Fen) {
	if balance >= 0 {
		return balance, 0
	}
	return 0, -balance
}

// Totals are a trial balance's column sums over the standard accounts.
type Totals struct {
	OpeningDebit  Fen `json:"opening_debit_fen"`
	OpeningCredit Fen `json:"opening_credit_fen"`
	Debit         Fen `json:"debit_fen"`
	Credit        Fen `json:"credit_fen"`
	ClosingDebit  Fen `json:"closing_debit_fen"`
	ClosingCredit Fen `json:"closing_credit_fen"`
}

// TrialBalance is every account's opening balance, movements and closing
// balance over the months From to To.
type TrialBalance struct {
	Village Village    `json:"village"`
	From    string     `json:"from"`
	To      string     `json:"to"`
	Rows    []TrialRow `json:"rows"`
	Totals  Totals     `json:"totals"`
	// Balanced: opening, movement and closing columns each have equal
	// debit and credit sums.
	Balanced bool `json:"balanced"`
}

// periodRange reads a from–to pair of months, defaulting to the year of
// to (or of today) up to to.
func periodRange(from, to string, today day.Day) (string, string, error) {
	f := apperr.Fields{}
	if to == "" {
		to = PeriodOf(today)
	}
	t, ok := ParsePeriod(to)
	if !ok {
		f.Add("to", "finance.period_format", nil)
	}
	if from == "" && ok {
		from = t[:4] + "-01"
	}
	fr, ok2 := ParsePeriod(from)
	if !ok2 {
		f.Add("from", "finance.period_format", nil)
	}
	if ok && ok2 && fr > t {
		f.Add("from", "finance.period_range", nil)
	}
	return fr, t, f.Err()
}

// TrialBalance is a village's trial balance over months from–to
// (finance.read); empty from is January of to's year, empty to this month.
func (s *Service) TrialBalance(ctx context.Context, a *auth.Actor, orgID int64, from, to string) (TrialBalance, error) {
	var tb TrialBalance
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, orgID, "")
		if err != nil {
			return err
		}
		fr, t, err := periodRange(from, to, day.Today(s.Clock))
		if err != nil {
			return err
		}
		tb, err = trialBalance(ctx, tx, v, fr, t)
		return err
	})
	return tb, err
}

func trialBalance(ctx context.Context, q db.Queryer, v Village, from, to string) (TrialBalance, error) {
	tb := TrialBalance{Village: v, From: from, To: to, Rows: []TrialRow{}}
	chart, err := chartOf(ctx, q, v.ID)
	if err != nil {
		return tb, err
	}
	rows, err := q.QueryContext(ctx, `SELECT b.account_id,
			SUM(CASE WHEN b.period < $2 THEN b.debit_fen - b.credit_fen ELSE 0 END),
			SUM(CASE WHEN b.period >= $2 THEN b.debit_fen ELSE 0 END),
			SUM(CASE WHEN b.period >= $2 THEN b.credit_fen ELSE 0 END)
		FROM finance_balances b JOIN finance_accounts a ON a.id = b.account_id
		WHERE a.org_id = $1 AND b.period <= $3 GROUP BY b.account_id`, v.ID, from, to)
	if err != nil {
		return tb, fmt.Errorf("finance: trial balance: %w", err)
	}
	type mv struct{ open, debit, credit Fen }
	by := map[int64]mv{}
	for rows.Next() {
		var id int64
		var m mv
		if err := rows.Scan(&id, &m.open, &m.debit, &m.credit); err != nil {
			rows.Close()
			return tb, err
		}
		by[id] = m
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return tb, err
	}
	// Sub-accounts add into their parents, deepest first: codes are
	// longer below, so walking the chart by descending code length does it.
	at := map[int64]int{}
	for _, x := range chart {
		m := by[x.ID]
		at[x.ID] = len(tb.Rows)
		tb.Rows = append(tb.Rows, TrialRow{AccountID: x.ID, Code: x.Code, Name: x.Name, Class: x.Class, DebitSide: x.DebitSide,
			ParentID: x.ParentID, Leaf: x.Leaf, Opening: m.open, Debit: m.debit, Credit: m.credit})
	}
	for depth := 8; depth > 0; depth-- {
		for i := range tb.Rows {
			r := tb.Rows[i]
			if r.ParentID == 0 || len(r.Code) != 3+2*depth {
				continue
			}
			p := &tb.Rows[at[r.ParentID]]
			p.Opening += r.Opening
			p.Debit += r.Debit
			p.Credit += r.Credit
		}
	}
	for i := range tb.Rows {
		r := &tb.Rows[i]
		r.Closing = r.Opening + r.Debit - r.Credit
		if r.ParentID != 0 {
			continue
		}
		od, oc := Side(r.Opening)
		cd, cc := Side(r.Closing)
		tb.Totals.OpeningDebit += od
		tb.Totals.OpeningCredit += oc
		tb.Totals.Debit += r.Debit
		tb.Totals.Credit += r.Credit
		tb.Totals.ClosingDebit += cd
		tb.Totals.ClosingCredit += cc
	}
	t := tb.Totals
	tb.Balanced = t.OpeningDebit == t.OpeningCredit && t.Debit == t.Credit && t.ClosingDebit == t.ClosingCredit
	return tb, nil
}

// JournalFilter selects one month of a village's posted vouchers.
type JournalFilter struct {
	OrgID  int64
	Period string // default this month
	After  int64  // keyset: voucher numbers above
	Limit  int
}

// Journal is a month's posted vouchers in number order with their lines
// (序时账, finance.read).
func (s *Service) Journal(ctx context.Context, a *auth.Actor, f JournalFilter) ([]Voucher, error) {
	if _, err := villageFor(ctx, s.DB, a, f.OrgID, ""); err != nil {
		return nil, err
	}
	period := f.Period
	if period == "" {
		period = PeriodOf(day.Today(s.Clock))
	}
	p, ok := ParsePeriod(period)
	if !ok {
		return nil, apperr.Invalid("period", "finance.period_format", nil)
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+voucherColumns+voucherFrom+` WHERE v.org_id = $1 AND v.period = $2
		AND v.status = $3 AND v.number > $4 ORDER BY v.number LIMIT $5`, f.OrgID, p, VoucherPosted, f.After, db.Limit(f.Limit, 50, 200))
	if err != nil {
		return nil, fmt.Errorf("finance: journal: %w", err)
	}
	vs, err := db.Collect(rows, func(r *sql.Rows, v *Voucher) error { return scanVoucher(r, v) })
	if err != nil {
		return nil, err
	}
	return vs, attachLines(ctx, s.DB, vs)
}

// LedgerEntry is one posted line of an account's ledger with the running
// balance after it (signed, debit positive).
type LedgerEntry struct {
	Date       day.Day `json:"date"`
	VoucherID  int64   `json:"voucher_id"`
	Number     string  `json:"number"`
	Summary    string  `json:"summary"`
	Debit      Fen     `json:"debit_fen"`
	Credit     Fen     `json:"credit_fen"`
	Balance    Fen     `json:"balance_fen"`
	SubAccount string  `json:"sub_account,omitempty"`
}

// Ledger is one account's 明细账 over months from–to.
type Ledger struct {
	Account   Account       `json:"account"`
	Village   Village       `json:"village"`
	From      string        `json:"from"`
	To        string        `json:"to"`
	Opening   Fen           `json:"opening_fen"`
	Entries   []LedgerEntry `json:"entries"`
	Debit     Fen           `json:"debit_fen"`
	Credit    Fen           `json:"credit_fen"`
	Closing   Fen           `json:"closing_fen"`
	Truncated bool          `json:"truncated"` // more than MaxLedgerEntries lines: choose fewer months
}

// MaxLedgerEntries bounds one ledger page.
const MaxLedgerEntries = 2000

// Ledger is an account's ledger (finance.read): its opening balance, its
// posted lines in date order, those of its sub-accounts included, with the
// running balance, and its closing balance.
func (s *Service) Ledger(ctx context.Context, a *auth.Actor, accountID int64, from, to string) (Ledger, error) {
	var l Ledger
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var orgID int64
		if err := tx.QueryRowContext(ctx, `SELECT org_id FROM finance_accounts WHERE id = $1`, accountID).Scan(&orgID); err == sql.ErrNoRows {
			return apperr.NotFound()
		} else if err != nil {
			return err
		}
		v, err := villageFor(ctx, tx, a, orgID, "")
		if err != nil {
			return err
		}
		fr, t, err := periodRange(from, to, day.Today(s.Clock))
		if err != nil {
			return err
		}
		chart, err := chartOf(ctx, tx, v.ID)
		if err != nil {
			return err
		}
		ids := []int64{accountID}
		names := map[int64]string{}
		for _, x := range chart {
			if x.ID == accountID {
				l.Account = x
			}
		}
		for _, x := range chart {
			if x.ID != accountID && len(x.Code) > len(l.Account.Code) && x.Code[:len(l.Account.Code)] == l.Account.Code {
				ids = append(ids, x.ID)
				names[x.ID] = x.Code + " " + x.Name
			}
		}
		l.Village, l.From, l.To, l.Entries = v, fr, t, []LedgerEntry{}
		var args db.Args
		in := db.InList(&args, ids)
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(SUM(debit_fen - credit_fen), 0) FROM finance_balances
			WHERE account_id IN (`+in+`) AND period < `+args.Add(fr), args.Values()...).Scan(&l.Opening); err != nil {
			return err
		}
		args = db.Args{}
		in = db.InList(&args, ids)
		rows, err := tx.QueryContext(ctx, `SELECT l.voucher_date, l.voucher_id, v.period, v.number, l.summary, l.debit_fen, l.credit_fen, l.account_id
			FROM finance_lines l JOIN finance_vouchers v ON v.id = l.voucher_id
			WHERE l.account_id IN (`+in+`) AND l.posted AND l.voucher_date >= `+args.Add(day.MustParse(fr+"-01"))+
			` AND l.voucher_date <= `+args.Add(periodEnd(t))+` ORDER BY l.voucher_date, l.voucher_id, l.line_no LIMIT `+
			args.Add(MaxLedgerEntries+1), args.Values()...)
		if err != nil {
			return fmt.Errorf("finance: ledger: %w", err)
		}
		defer rows.Close()
		bal := l.Opening
		for rows.Next() {
			var e LedgerEntry
			var period string
			var number, acc int64
			if err := rows.Scan(&e.Date, &e.VoucherID, &period, &number, &e.Summary, &e.Debit, &e.Credit, &acc); err != nil {
				return err
			}
			if len(l.Entries) == MaxLedgerEntries {
				l.Truncated = true
				break
			}
			bal += e.Debit - e.Credit
			e.Balance, e.Number, e.SubAccount = bal, Voucher{Period: period, Number: number}.Label(), names[acc]
			l.Debit += e.Debit
			l.Credit += e.Credit
			l.Entries = append(l.Entries, e)
		}
		l.Closing = bal
		return rows.Err()
	})
	return l, err
}

// OpeningDebit and the other column helpers split the row's signed
// balances into the trial balance's debit and credit columns.
func (r TrialRow) OpeningDebit() Fen  { d, _ := Side(r.Opening); return d }
func (r TrialRow) OpeningCredit() Fen { _, c := Side(r.Opening); return c }
func (r TrialRow) ClosingDebit() Fen  { d, _ := Side(r.Closing); return d }
func (r TrialRow) ClosingCredit() Fen { _, c := Side(r.Closing); return c }

// Active reports whether the row has a balance or a movement to show.
func (r TrialRow) Active() bool { return r.Opening != 0 || r.Debit != 0 || r.Credit != 0 }
