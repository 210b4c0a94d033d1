package finance

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// Account codes of the year-end closing.
const (
	CodeYearProfit   = "321" // 本年收益
	CodeDistribution = "322" // 收益分配
)

// YearEnd is a village's year carried into 收益分配: the voucher and the
// year's net income (credit-positive: a loss is negative).
type YearEnd struct {
	OrgID   int64   `json:"org_id"`
	Year    int     `json:"year"`
	Net     Fen     `json:"net_fen"`
	Voucher Voucher `json:"voucher"`
}

// carried reports whether a leaf account's balance is carried at the end
// of the year: the income and expense accounts (class 损益) and 本年收益.
func carried(r TrialRow) bool {
	return r.Leaf && (r.Class == ClassProfit || strings.HasPrefix(r.Code, CodeYearProfit))
}

// CloseYear carries a village's year (finance.keep): one voucher dated the
// year's last day, posted in that month, which must still be open
// (finance.period_closed), zeroes every income and expense account and
// 本年收益 against 收益分配. Rules: finance.year_not_ended (the year is
// over), finance.year_closed (once a year), finance.year_empty (there is
// something to carry).
func (s *Service) CloseYear(ctx context.Context, a *auth.Actor, orgID int64, year int) (YearEnd, error) {
	var ye YearEnd
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, orgID, auth.PermFinanceKeep)
		if err != nil {
			return err
		}
		today := day.Today(s.Clock)
		if year < 2000 || year > today.Year() {
			return apperr.Invalid("year", "finance.year_range", nil)
		}
		end := day.New(year, 12, 31)
		if !end.Before(today) {
			return apperr.Rule("finance.year_not_ended", apperr.Params{"year": year, "end": end.String()})
		}
		var done int64
		err = tx.QueryRowContext(ctx, `SELECT voucher_id FROM finance_year_ends WHERE org_id = $1 AND year = $2`, v.ID, year).Scan(&done)
		if err == nil {
			return apperr.Rule("finance.year_closed", apperr.Params{"year": year})
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err := seedChart(ctx, tx, v.ID); err != nil {
			return err
		}
		p := strconv.Itoa(year)
		tb, err := trialBalance(ctx, tx, v, p+"-01", p+"-12")
		if err != nil {
			return err
		}
		var lines []NewLine
		var net Fen // credit-positive: what goes to 收益分配
		for _, r := range tb.Rows {
			if !carried(r) || r.Closing == 0 {
				continue
			}
			dr, cr := Side(r.Closing)
			lines = append(lines, NewLine{AccountCode: r.Code, Debit: cr, Credit: dr})
			net += -r.Closing
		}
		if len(lines) == 0 {
			return apperr.Rule("finance.year_empty", apperr.Params{"year": year})
		}
		if net > 0 {
			lines = append(lines, NewLine{AccountCode: CodeDistribution, Credit: net})
		} else if net < 0 {
			lines = append(lines, NewLine{AccountCode: CodeDistribution, Debit: -net})
		}
		now := s.Clock.Now()
		draft, err := insertVoucher(ctx, tx, a, v, NewVoucher{OrgID: v.ID, Date: end, Summary: fmt.Sprintf("%d 年终结转：本年收益转入收益分配", year),
			Lines: lines}, today, now, 0)
		if err != nil {
			return err
		}
		posted, err := post(ctx, tx, a, draft, now)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO finance_year_ends(org_id, year, voucher_id, net_fen, closed_by, closer_name, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, v.ID, year, posted.ID, int64(net), a.UserRef(), a.DisplayName(), now); err != nil {
			return fmt.Errorf("finance: record year end: %w", err)
		}
		ye = YearEnd{OrgID: v.ID, Year: year, Net: net, Voucher: posted}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.year_close", Entity: "finance_voucher",
			EntityID: posted.ID, OrgID: v.ID, After: posted})
	})
	return ye, err
}

// withoutYearEnds takes the year-end closing vouchers dated in from–to out
// of a trial balance's top-level rows, so the income statement shows the
// year's income and its real distributions, not their carrying.
func withoutYearEnds(ctx context.Context, q db.Queryer, orgID int64, rows map[string]TrialRow, from, to string) error {
	r, err := q.QueryContext(ctx, `SELECT a.code, l.debit_fen, l.credit_fen FROM finance_year_ends y
		JOIN finance_vouchers v ON v.id = y.voucher_id JOIN finance_lines l ON l.voucher_id = v.id
		JOIN finance_accounts a ON a.id = l.account_id WHERE y.org_id = $1 AND v.period >= $2 AND v.period <= $3`, orgID, from, to)
	if err != nil {
		return fmt.Errorf("finance: year-end lines: %w", err)
	}
	type line struct {
		code          string
		debit, credit Fen
	}
	ls, err := db.Collect(r, func(r *sql.Rows, l *line) error { return r.Scan(&l.code, &l.debit, &l.credit) })
	if err != nil {
		return err
	}
	for _, l := range ls {
		top := l.code[:3]
		row := rows[top]
		row.Debit -= l.debit
		row.Credit -= l.credit
		rows[top] = row
	}
	return nil
}
