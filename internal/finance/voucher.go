package finance

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/files"
)

// Voucher statuses.
const (
	VoucherDraft  = "draft"  // 未记账: may be changed while its month is open
	VoucherPosted = "posted" // 已记账: never changed; corrections are new vouchers
)

// Line is one debit or credit of a voucher.
type Line struct {
	LineNo      int    `json:"line_no"`
	AccountID   int64  `json:"account_id"`
	AccountCode string `json:"account_code"`
	AccountName string `json:"account_name"`
	Summary     string `json:"summary"`
	Debit       Fen    `json:"debit_fen"`
	Credit      Fen    `json:"credit_fen"`
}

// Voucher is a 记账凭证 of a village's books.
type Voucher struct {
	ID          int64   `json:"id"`
	OrgID       int64   `json:"org_id"`
	OrgName     string  `json:"org_name"`
	TownID      int64   `json:"town_id"`
	Period      string  `json:"period"`
	Number      int64   `json:"number"` // consecutive per village and month from posting; 0 for a draft
	Date        day.Day `json:"date"`
	Summary     string  `json:"summary"`
	Status      string  `json:"status"`
	Total       Fen     `json:"total_fen"`
	Attachments int     `json:"attachments"` // 附单据张数
	RequestID   int64   `json:"request_id,omitempty"`
	// Receipts are the documents photographed or scanned: the voucher's own,
	// or for a payment's voucher its request's; filled by the Voucher use case.
	Receipts    []files.File `json:"receipts,omitempty"`
	CreatorName string       `json:"creator_name"`
	CreatedAt   time.Time    `json:"created_at"`
	PosterName  string       `json:"poster_name,omitempty"`
	PostedAt    *time.Time   `json:"posted_at,omitempty"`
	Lines       []Line       `json:"lines"`
	OrgPath     string       `json:"-"`
}

// Label is how a posted voucher is cited: 记 2026-11 第 3 号.
func (v Voucher) Label() string {
	if v.Number == 0 {
		return ""
	}
	return v.Period + "-" + strconv.FormatInt(v.Number, 10)
}

// NewVoucher is a voucher as typed; lines name accounts by code.
type NewVoucher struct {
	OrgID       int64     `json:"org_id"`
	Date        day.Day   `json:"date"`
	Summary     string    `json:"summary"`
	Attachments int       `json:"attachments,omitempty"`
	Lines       []NewLine `json:"lines"`
	// Receipts are photos or scans of the documents, checked and shrunk by
	// files.Prepare (a form's file input; the API sends none).
	Receipts []files.Upload `json:"-"`
}

// NewLine is one line as typed: a debit or a credit in 分.
type NewLine struct {
	AccountCode string `json:"account_code"`
	Summary     string `json:"summary,omitempty"`
	Debit       Fen    `json:"debit_fen,omitempty"`
	Credit      Fen    `json:"credit_fen,omitempty"`
}

// PeriodOf is the month a day falls in, "2026-11".
func PeriodOf(d day.Day) string { return fmt.Sprintf("%04d-%02d", d.Year(), int(d.Month())) }

// MaxLines bounds one voucher.
const MaxLines = 50

// checked is a typed voucher once validated: its cleaned summary, its
// lines with their accounts and its total.
type checked struct {
	Summary string
	Lines   []Line
	Total   Fen
}

// checkVoucher validates a typed voucher against the village's chart. Rules:
// finance.voucher_unbalanced (debits equal credits to the 分) and
// finance.period_closed (its month is open).
func checkVoucher(ctx context.Context, tx *sql.Tx, v Village, in NewVoucher, today day.Day) (checked, error) {
	chart, err := chartByCode(ctx, tx, v.ID)
	if err != nil {
		return checked{}, err
	}
	c, err := checkLines(chart, in, today)
	if err != nil {
		return c, err
	}
	return c, checkPeriodOpen(ctx, tx, v.ID, PeriodOf(in.Date))
}

// chartByCode is a village's chart by account code.
func chartByCode(ctx context.Context, q db.Queryer, orgID int64) (map[string]Account, error) {
	chart, err := chartOf(ctx, q, orgID)
	if err != nil {
		return nil, err
	}
	byCode := map[string]Account{}
	for _, x := range chart {
		byCode[x.Code] = x
	}
	return byCode, nil
}

// checkLines validates a typed voucher against a chart, without the
// database: its fields, its lines' accounts and amounts, and the rule
// finance.voucher_unbalanced.
func checkLines(byCode map[string]Account, in NewVoucher, today day.Day) (checked, error) {
	f := apperr.Fields{}
	switch {
	case in.Date.IsZero():
		f.Add("date", "error.date_required", nil)
	case in.Date.After(today):
		f.Add("date", "finance.date_future", apperr.Params{"today": today.String()})
	}
	in.Summary = apperr.Text(f, "summary", in.Summary, 100, true)
	if in.Attachments < 0 || in.Attachments > 999 {
		f.Add("attachments", "finance.attachments_range", nil)
	}
	if len(in.Lines) < 2 || len(in.Lines) > MaxLines {
		f.Add("lines", "finance.lines_count", apperr.Params{"max": MaxLines})
	}
	var lines []Line
	var debit, credit Fen
	for i, l := range in.Lines {
		field := "lines." + strconv.Itoa(i)
		x, ok := byCode[l.AccountCode]
		switch {
		case !ok:
			f.Add(field+".account_code", "finance.account_unknown", apperr.Params{"code": l.AccountCode})
		case !x.Leaf:
			f.Add(field+".account_code", "finance.account_not_leaf", apperr.Params{"code": x.Code, "name": x.Name})
		}
		if (l.Debit > 0) == (l.Credit > 0) || l.Debit < 0 || l.Credit < 0 || l.Debit > MaxFen || l.Credit > MaxFen {
			f.Add(field+".amount", "finance.line_amount", apperr.Params{"max": MaxFen})
		}
		summary := apperr.Text(f, field+".summary", l.Summary, 100, false)
		if summary == "" {
			summary = in.Summary
		}
		debit += l.Debit
		credit += l.Credit
		lines = append(lines, Line{LineNo: i + 1, AccountID: x.ID, AccountCode: x.Code, AccountName: x.Name, Summary: summary,
			Debit: l.Debit, Credit: l.Credit})
	}
	if err := f.Err(); err != nil {
		return checked{}, err
	}
	if err := CheckBalanced(debit, credit); err != nil {
		return checked{}, err
	}
	return checked{Summary: in.Summary, Lines: lines, Total: debit}, nil
}

// CheckBalanced is the rule finance.voucher_unbalanced: a voucher's
// debits equal its credits to the 分.
func CheckBalanced(debit, credit Fen) error {
	if debit != credit {
		diff := debit - credit
		if diff < 0 {
			diff = -diff
		}
		return apperr.Rule("finance.voucher_unbalanced", apperr.Params{"debit": debit, "credit": credit, "difference": diff})
	}
	return nil
}

// checkPeriodOpen is the rule finance.period_closed for a read of the
// month; posting takes the month's row instead (lockPeriod).
func checkPeriodOpen(ctx context.Context, q db.Queryer, orgID int64, period string) error {
	var closed sql.NullTime
	err := q.QueryRowContext(ctx, `SELECT closed_at FROM finance_periods WHERE org_id = $1 AND period = $2`, orgID, period).Scan(&closed)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("finance: read period: %w", err)
	}
	return periodClosed(period, closed)
}

func periodClosed(period string, closed sql.NullTime) error {
	if closed.Valid {
		return apperr.Rule("finance.period_closed", apperr.Params{"period": period})
	}
	return nil
}

// CreateVoucher records a draft voucher (finance.keep over the village).
func (s *Service) CreateVoucher(ctx context.Context, a *auth.Actor, in NewVoucher) (Voucher, error) {
	var out Voucher
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermFinanceKeep)
		if err != nil {
			return err
		}
		if err := seedChart(ctx, tx, v.ID); err != nil {
			return err
		}
		now := s.Clock.Now()
		out, err = insertVoucher(ctx, tx, a, v, in, day.Today(s.Clock), now, 0)
		if err != nil {
			return err
		}
		if out.Receipts, err = files.Add(ctx, tx, now, a, VoucherReceipts, out.ID, v.ID, in.Receipts); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.voucher_create", Entity: "finance_voucher",
			EntityID: out.ID, OrgID: v.ID, After: out})
	})
	return out, err
}

func insertVoucher(ctx context.Context, tx *sql.Tx, a *auth.Actor, v Village, in NewVoucher, today day.Day, now time.Time, requestID int64) (Voucher, error) {
	c, err := checkVoucher(ctx, tx, v, in, today)
	if err != nil {
		return Voucher{}, err
	}
	out := Voucher{OrgID: v.ID, OrgName: v.Name, TownID: v.TownID, Period: PeriodOf(in.Date), Date: in.Date,
		Summary: c.Summary, Status: VoucherDraft, Total: c.Total, Attachments: in.Attachments, RequestID: requestID,
		CreatorName: a.DisplayName(), CreatedAt: now, Lines: c.Lines, OrgPath: v.Path}
	if err := tx.QueryRowContext(ctx, `INSERT INTO finance_vouchers(org_id, town_id, period, voucher_date, summary, status,
		total_fen, attachments, request_id, created_by, creator_name, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
		out.OrgID, db.NullID(out.TownID), out.Period, out.Date, out.Summary, out.Status, int64(out.Total), out.Attachments,
		db.NullID(requestID), a.UserRef(), out.CreatorName, now).Scan(&out.ID); err != nil {
		return out, fmt.Errorf("finance: insert voucher: %w", err)
	}
	return out, insertLines(ctx, tx, out)
}

func insertLines(ctx context.Context, tx *sql.Tx, v Voucher) error {
	var args db.Args
	rows := make([]string, len(v.Lines))
	for i, l := range v.Lines {
		rows[i] = "(" + strings.Join([]string{args.Add(v.ID), args.Add(l.LineNo), args.Add(l.AccountID), args.Add(l.Summary),
			args.Add(int64(l.Debit)), args.Add(int64(l.Credit)), args.Add(v.Date), args.Add(v.Status == VoucherPosted)}, ", ") + ")"
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO finance_lines(voucher_id, line_no, account_id, summary, debit_fen, credit_fen,
		voucher_date, posted) VALUES `+strings.Join(rows, ", "), args.Values()...); err != nil {
		return fmt.Errorf("finance: insert lines: %w", err)
	}
	return nil
}

// voucherFor loads a voucher and decides the actor's scope over its village.
func voucherFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (Voucher, error) {
	v, err := loadVoucher(ctx, q, id)
	if err != nil {
		return v, err
	}
	if err := a.Decide(auth.PermFinanceRead, change, v.OrgPath); err != nil {
		return Voucher{}, err
	}
	return v, nil
}

// UpdateVoucher replaces a draft's date, summary and lines (finance.keep).
// A posted voucher is never changed (finance.voucher_posted), nor a draft
// dated in a closed month, nor moved into one (finance.period_closed).
func (s *Service) UpdateVoucher(ctx context.Context, a *auth.Actor, id int64, in NewVoucher) (Voucher, error) {
	var out Voucher
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		before, err := voucherFor(ctx, tx, a, id, auth.PermFinanceKeep)
		if err != nil {
			return err
		}
		if before.Status != VoucherDraft {
			return apperr.Conflict("finance.voucher_posted", apperr.Params{"number": before.Label()})
		}
		if err := checkPeriodOpen(ctx, tx, before.OrgID, before.Period); err != nil {
			return err
		}
		v, err := loadVillage(ctx, tx, before.OrgID)
		if err != nil {
			return err
		}
		c, err := checkVoucher(ctx, tx, v, in, day.Today(s.Clock))
		if err != nil {
			return err
		}
		out = before
		out.Date, out.Period, out.Summary, out.Total, out.Attachments, out.Lines = in.Date, PeriodOf(in.Date),
			c.Summary, c.Total, in.Attachments, c.Lines
		res, err := tx.ExecContext(ctx, `UPDATE finance_vouchers SET voucher_date = $1, period = $2, summary = $3, total_fen = $4,
			attachments = $5 WHERE id = $6 AND status = $7`, out.Date, out.Period, out.Summary, int64(out.Total), out.Attachments,
			out.ID, VoucherDraft)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.Conflict("finance.voucher_posted", apperr.Params{"number": ""})
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM finance_lines WHERE voucher_id = $1`, out.ID); err != nil {
			return err
		}
		if err := insertLines(ctx, tx, out); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "finance.voucher_update", Entity: "finance_voucher",
			EntityID: out.ID, OrgID: out.OrgID, Before: before, After: out})
	})
	return out, err
}

// PostVoucher posts a draft (finance.keep): it gets the next number of
// its village and month, and its lines are added to the balances. Two
// postings of one voucher racing each other: one wins, the other is told
// it is posted.
func (s *Service) PostVoucher(ctx context.Context, a *auth.Actor, id int64) (Voucher, error) {
	var out Voucher
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		before, err := voucherFor(ctx, tx, a, id, auth.PermFinanceKeep)
		if err != nil {
			return err
		}
		if before.Status != VoucherDraft {
			return apperr.Conflict("finance.voucher_posted", apperr.Params{"number": before.Label()})
		}
		now := s.Clock.Now()
		if out, err = post(ctx, tx, a, before, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.voucher_post", Entity: "finance_voucher",
			EntityID: out.ID, OrgID: out.OrgID, Before: before, After: out})
	})
	return out, err
}

// post takes the voucher's month (the upsert locks its row, ordering
// posting against closing on both databases), numbers the voucher, marks
// it and its lines posted, and adds the lines to the balances.
func post(ctx context.Context, tx *sql.Tx, a *auth.Actor, v Voucher, now time.Time) (Voucher, error) {
	var number int64
	var closed sql.NullTime
	if err := tx.QueryRowContext(ctx, `INSERT INTO finance_periods(org_id, period, vouchers) VALUES ($1, $2, 1)
		ON CONFLICT (org_id, period) DO UPDATE SET vouchers = finance_periods.vouchers + 1
		RETURNING vouchers, closed_at`, v.OrgID, v.Period).Scan(&number, &closed); err != nil {
		return v, fmt.Errorf("finance: take period: %w", err)
	}
	if err := periodClosed(v.Period, closed); err != nil {
		return v, err
	}
	res, err := tx.ExecContext(ctx, `UPDATE finance_vouchers SET status = $1, number = $2, posted_by = $3, poster_name = $4,
		posted_at = $5 WHERE id = $6 AND status = $7`, VoucherPosted, number, a.UserRef(), a.DisplayName(), now, v.ID, VoucherDraft)
	if err != nil {
		return v, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return v, apperr.Conflict("finance.voucher_posted", apperr.Params{"number": ""})
	}
	if _, err := tx.ExecContext(ctx, `UPDATE finance_lines SET posted = TRUE WHERE voucher_id = $1`, v.ID); err != nil {
		return v, err
	}
	type sums struct{ debit, credit Fen }
	by := map[int64]*sums{}
	var ids []int64
	for _, l := range v.Lines {
		if by[l.AccountID] == nil {
			by[l.AccountID] = &sums{}
			ids = append(ids, l.AccountID)
		}
		by[l.AccountID].debit += l.Debit
		by[l.AccountID].credit += l.Credit
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if err := addBalance(ctx, tx, id, v.Period, by[id].debit, by[id].credit); err != nil {
			return v, err
		}
	}
	v.Status, v.Number, v.PosterName, v.PostedAt = VoucherPosted, number, a.DisplayName(), &now
	return v, nil
}

const voucherColumns = `v.id, v.org_id, o.name, o.path, COALESCE(v.town_id, 0), v.period, v.number, v.voucher_date, v.summary,
	v.status, v.total_fen, v.attachments, COALESCE(v.request_id, 0), v.creator_name, v.created_at, v.poster_name, v.posted_at`

const voucherFrom = ` FROM finance_vouchers v JOIN orgs o ON o.id = v.org_id`

func scanVoucher(r interface{ Scan(...any) error }, v *Voucher) error {
	var posted sql.NullTime
	err := r.Scan(&v.ID, &v.OrgID, &v.OrgName, &v.OrgPath, &v.TownID, &v.Period, &v.Number, &v.Date, &v.Summary, &v.Status,
		&v.Total, &v.Attachments, &v.RequestID, &v.CreatorName, &v.CreatedAt, &v.PosterName, &posted)
	v.CreatedAt = v.CreatedAt.UTC()
	v.PostedAt = utcPtr(posted)
	v.Lines = []Line{}
	return err
}

func loadVoucher(ctx context.Context, q db.Queryer, id int64) (Voucher, error) {
	var v Voucher
	err := scanVoucher(q.QueryRowContext(ctx, `SELECT `+voucherColumns+voucherFrom+` WHERE v.id = $1`, id), &v)
	if errors.Is(err, sql.ErrNoRows) {
		return v, apperr.NotFound()
	}
	if err != nil {
		return v, fmt.Errorf("finance: load voucher %d: %w", id, err)
	}
	vs := []Voucher{v}
	if err := attachLines(ctx, q, vs); err != nil {
		return v, err
	}
	return vs[0], nil
}

// attachLines reads the lines of vouchers in one query.
func attachLines(ctx context.Context, q db.Queryer, vs []Voucher) error {
	if len(vs) == 0 {
		return nil
	}
	var args db.Args
	ids := make([]int64, len(vs))
	at := map[int64]int{}
	for i, v := range vs {
		ids[i] = v.ID
		at[v.ID] = i
	}
	rows, err := q.QueryContext(ctx, `SELECT l.voucher_id, l.line_no, l.account_id, a.code, a.name, l.summary, l.debit_fen, l.credit_fen
		FROM finance_lines l JOIN finance_accounts a ON a.id = l.account_id
		WHERE l.voucher_id IN (`+db.InList(&args, ids)+`)`, args.Values()...)
	if err != nil {
		return fmt.Errorf("finance: read lines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var vid int64
		var l Line
		if err := rows.Scan(&vid, &l.LineNo, &l.AccountID, &l.AccountCode, &l.AccountName, &l.Summary, &l.Debit, &l.Credit); err != nil {
			return err
		}
		vs[at[vid]].Lines = append(vs[at[vid]].Lines, l)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	// In Go rather than ORDER BY: an IN list of vouchers is read in
	// order off the index on SQLite but sorted on PostgreSQL.
	for i := range vs {
		sort.Slice(vs[i].Lines, func(a, b int) bool { return vs[i].Lines[a].LineNo < vs[i].Lines[b].LineNo })
	}
	return nil
}

// Voucher is one voucher with its lines (finance.read).
func (s *Service) Voucher(ctx context.Context, a *auth.Actor, id int64) (Voucher, error) {
	v, err := voucherFor(ctx, s.DB, a, id, "")
	if err != nil {
		return v, err
	}
	kind, owner := VoucherReceipts, v.ID
	if v.RequestID != 0 { // a payment's voucher: the documents are the request's
		kind, owner = RequestReceipts, v.RequestID
	}
	v.Receipts, err = files.Of(ctx, s.DB, kind, owner)
	return v, err
}

// VoucherFilter selects a village's vouchers, newest first.
type VoucherFilter struct {
	OrgID  int64
	Status string // "", draft or posted
	Before int64  // keyset: ids below
	Limit  int
}

// ListVouchers lists a village's vouchers with their lines, newest first.
func (s *Service) ListVouchers(ctx context.Context, a *auth.Actor, f VoucherFilter) ([]Voucher, error) {
	if _, err := villageFor(ctx, s.DB, a, f.OrgID, ""); err != nil {
		return nil, err
	}
	var args db.Args
	where := `v.org_id = ` + args.Add(f.OrgID)
	if f.Status == VoucherDraft || f.Status == VoucherPosted {
		where += ` AND v.status = ` + args.Add(f.Status)
	}
	if f.Before > 0 {
		where += ` AND v.id < ` + args.Add(f.Before)
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+voucherColumns+voucherFrom+` WHERE `+where+
		` ORDER BY v.id DESC LIMIT `+args.Add(db.Limit(f.Limit, 50, 200)), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("finance: list vouchers: %w", err)
	}
	vs, err := db.Collect(rows, func(r *sql.Rows, v *Voucher) error { return scanVoucher(r, v) })
	if err != nil {
		return nil, err
	}
	return vs, attachLines(ctx, s.DB, vs)
}

// MaxBatch bounds one batch of vouchers.
const MaxBatch = 5000

// PostVouchers records and posts a batch of vouchers of one village in
// one transaction, with one audit record (finance.keep): books taken over
// from paper or an earlier system (建账). Every voucher is checked as
// CreateVoucher checks one (finance.voucher_unbalanced, finance.period_closed);
// the first refused stops the batch, which then leaves nothing behind.
// Numbers follow the batch's order within each month, after those already
// posted. The months are taken first, as posting one voucher takes its
// month, and the balances are added once per account and month.
func (s *Service) PostVouchers(ctx context.Context, a *auth.Actor, orgID int64, in []NewVoucher) (int, error) {
	if len(in) > MaxBatch {
		return 0, apperr.Invalid("vouchers", "finance.batch_size", apperr.Params{"max": MaxBatch})
	}
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, orgID, auth.PermFinanceKeep)
		if err != nil {
			return err
		}
		if err := seedChart(ctx, tx, v.ID); err != nil {
			return err
		}
		chart, err := chartByCode(ctx, tx, v.ID)
		if err != nil {
			return err
		}
		now, today := s.Clock.Now(), day.Today(s.Clock)
		checkedAll := make([]checked, len(in))
		count := map[string]int64{}
		var periods []string
		for i, nv := range in {
			if checkedAll[i], err = checkLines(chart, nv, today); err != nil {
				return fmt.Errorf("voucher %d (%s): %w", i+1, nv.Summary, err)
			}
			p := PeriodOf(nv.Date)
			if count[p] == 0 {
				periods = append(periods, p)
			}
			count[p]++
		}
		sort.Strings(periods)
		next := map[string]int64{}
		for _, p := range periods {
			var last int64
			var closed sql.NullTime
			if err := tx.QueryRowContext(ctx, `INSERT INTO finance_periods(org_id, period, vouchers) VALUES ($1, $2, $3)
				ON CONFLICT (org_id, period) DO UPDATE SET vouchers = finance_periods.vouchers + excluded.vouchers
				RETURNING vouchers, closed_at`, v.ID, p, count[p]).Scan(&last, &closed); err != nil {
				return fmt.Errorf("finance: take period: %w", err)
			}
			if err := periodClosed(p, closed); err != nil {
				return err
			}
			next[p] = last - count[p] + 1
		}
		type key struct {
			account int64
			period  string
		}
		sums := map[key][2]Fen{}
		var total Fen
		for i, nv := range in {
			c := checkedAll[i]
			p := PeriodOf(nv.Date)
			out := Voucher{OrgID: v.ID, TownID: v.TownID, Period: p, Number: next[p], Date: nv.Date, Summary: c.Summary,
				Status: VoucherPosted, Total: c.Total, Attachments: nv.Attachments, Lines: c.Lines}
			next[p]++
			if err := tx.QueryRowContext(ctx, `INSERT INTO finance_vouchers(org_id, town_id, period, number, voucher_date, summary,
				status, total_fen, attachments, created_by, creator_name, created_at, posted_by, poster_name, posted_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $10, $11, $12) RETURNING id`,
				out.OrgID, db.NullID(out.TownID), p, out.Number, out.Date, out.Summary, out.Status, int64(out.Total),
				out.Attachments, a.UserRef(), a.DisplayName(), now).Scan(&out.ID); err != nil {
				return fmt.Errorf("finance: insert voucher: %w", err)
			}
			if err := insertLines(ctx, tx, out); err != nil {
				return err
			}
			for _, l := range c.Lines {
				k := key{l.AccountID, p}
				s := sums[k]
				sums[k] = [2]Fen{s[0] + l.Debit, s[1] + l.Credit}
			}
			total += c.Total
		}
		keys := make([]key, 0, len(sums))
		for k := range sums {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			return keys[i].account < keys[j].account || keys[i].account == keys[j].account && keys[i].period < keys[j].period
		})
		for _, k := range keys {
			if err := addBalance(ctx, tx, k.account, k.period, sums[k][0], sums[k][1]); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.voucher_batch", Entity: "finance_period",
			EntityID: v.ID, OrgID: v.ID, After: map[string]any{"vouchers": len(in), "total_fen": total}})
	})
	if err != nil {
		return 0, err
	}
	return len(in), nil
}

// addBalance adds posted movements to an account's month.
func addBalance(ctx context.Context, tx *sql.Tx, account int64, period string, debit, credit Fen) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO finance_balances(account_id, period, debit_fen, credit_fen) VALUES ($1, $2, $3, $4)
		ON CONFLICT (account_id, period) DO UPDATE SET debit_fen = finance_balances.debit_fen + excluded.debit_fen,
			credit_fen = finance_balances.credit_fen + excluded.credit_fen`, account, period, int64(debit), int64(credit)); err != nil {
		return fmt.Errorf("finance: add to balances: %w", err)
	}
	return nil
}
