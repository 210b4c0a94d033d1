package finance

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/files"
	"dangjian/internal/i18n"
)

// Request statuses: requested → approved → reviewed → paid, or rejected
// or withdrawn on the way; a request never leaves paid, rejected or
// withdrawn, and keeps its history.
const (
	StatusRequested = "requested" // 待审批
	StatusApproved  = "approved"  // 已审批，待监督委员会审核
	StatusReviewed  = "reviewed"  // 已审核，待代理会计支付
	StatusPaid      = "paid"      // 已支付并记账
	StatusRejected  = "rejected"  // 未通过
	StatusWithdrawn = "withdrawn" // 已撤回
)

// Statuses in the order of the way.
var Statuses = []string{StatusRequested, StatusApproved, StatusReviewed, StatusPaid, StatusRejected, StatusWithdrawn}

// Request is an expenditure request of a village.
type Request struct {
	ID             int64          `json:"id"`
	OrgID          int64          `json:"org_id"`
	OrgName        string         `json:"org_name"`
	TownID         int64          `json:"town_id"`
	Purpose        string         `json:"purpose"`
	Payee          string         `json:"payee"`
	Amount         Fen            `json:"amount_fen"`
	ExpenseCode    string         `json:"expense_account_code"`
	ExpenseName    string         `json:"expense_account_name"`
	Documents      string         `json:"documents"` // the supporting documents, as listed by the requester
	Route          string         `json:"route"`     // at the time of the request: signer, collective or decision
	Status         string         `json:"status"`
	RequestedBy    int64          `json:"-"`
	RequesterName  string         `json:"requester_name"`
	RequestedAt    time.Time      `json:"requested_at"`
	ApprovedBy     int64          `json:"-"`
	ApproverName   string         `json:"approver_name,omitempty"`
	ApprovedAt     *time.Time     `json:"approved_at,omitempty"`
	ApprovalMode   string         `json:"approval_mode,omitempty"` // signer or collective
	MeetingOn      day.Day        `json:"meeting_on"`
	MeetingNote    string         `json:"meeting_note,omitempty"`
	DecisionID     int64          `json:"decision_id,omitempty"`
	DecisionTitle  string         `json:"decision_title,omitempty"`
	DecisionAmount Fen            `json:"decision_amount_fen,omitempty"`
	ReviewedBy     int64          `json:"-"`
	ReviewerName   string         `json:"reviewer_name,omitempty"`
	ReviewedAt     *time.Time     `json:"reviewed_at,omitempty"`
	PaidBy         int64          `json:"-"`
	PayerName      string         `json:"payer_name,omitempty"`
	PaidAt         *time.Time     `json:"paid_at,omitempty"`
	VoucherID      int64          `json:"voucher_id,omitempty"`
	Events         []RequestEvent `json:"events"`
	// Receipts are the photos and scans of the supporting documents,
	// served at /finance/receipts/{id}; filled by the Request use case.
	Receipts []files.File `json:"receipts,omitempty"`
	OrgPath  string       `json:"-"`
}

// The owner kinds of receipts: of a request, and of a voucher entered by
// hand (a payment's voucher shows its request's).
const (
	RequestReceipts = "finance_request"
	VoucherReceipts = "finance_voucher"
)

// Open reports whether the request is still on its way.
func (r Request) Open() bool {
	return r.Status == StatusRequested || r.Status == StatusApproved || r.Status == StatusReviewed
}

// RequestEvent is one step of a request's history.
type RequestEvent struct {
	Action    string    `json:"action"` // request, approve, review, pay, reject, withdraw
	Status    string    `json:"status"` // after the step
	ActorName string    `json:"actor_name"`
	At        time.Time `json:"at"`
	Note      string    `json:"note,omitempty"`
}

// NewRequest is an expenditure request as typed.
type NewRequest struct {
	OrgID       int64  `json:"org_id"`
	Purpose     string `json:"purpose"`
	Payee       string `json:"payee"`
	Amount      Fen    `json:"amount_fen"`
	ExpenseCode string `json:"expense_account_code"`
	Documents   string `json:"documents,omitempty"`
	// Receipts are photos or scans of the documents, checked and shrunk by
	// files.Prepare (a form's file input; the API sends none).
	Receipts []files.Upload `json:"-"`
}

// expenseAccount is the leaf account a request is charged to: any but
// cash and bank, which it is paid from.
func expenseAccount(ctx context.Context, q db.Queryer, orgID int64, code string, f apperr.Fields) (Account, error) {
	x, ok, err := accountByCode(ctx, q, orgID, strings.TrimSpace(code))
	switch {
	case err != nil:
		return x, err
	case !ok:
		f.Add("expense_account_code", "finance.account_unknown", apperr.Params{"code": code})
	case !x.Leaf:
		f.Add("expense_account_code", "finance.account_not_leaf", apperr.Params{"code": x.Code, "name": x.Name})
	case isMoney(x.Code):
		f.Add("expense_account_code", "finance.expense_not_money", nil)
	}
	return x, nil
}

func isMoney(code string) bool {
	return strings.HasPrefix(code, CodeCash) || strings.HasPrefix(code, CodeBank)
}

// CreateRequest records a village's expenditure request (finance.request
// over the village). Its route follows from the town's limits.
func (s *Service) CreateRequest(ctx context.Context, a *auth.Actor, in NewRequest) (Request, error) {
	var r Request
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermFinanceRequest)
		if err != nil {
			return err
		}
		if err := seedChart(ctx, tx, v.ID); err != nil {
			return err
		}
		f := apperr.Fields{}
		in.Purpose = apperr.Text(f, "purpose", in.Purpose, 200, true)
		in.Payee = apperr.Text(f, "payee", in.Payee, 100, true)
		in.Documents = apperr.Prose(f, "documents", in.Documents, 1000, false)
		if in.Amount <= 0 || in.Amount > MaxFen {
			f.Add("amount", "finance.amount_range", apperr.Params{"max": MaxFen})
		}
		x, err := expenseAccount(ctx, tx, v.ID, in.ExpenseCode, f)
		if err != nil {
			return err
		}
		if err := f.Err(); err != nil {
			return err
		}
		limits, err := s.limitsFor(ctx, tx, v.TownID)
		if err != nil {
			return err
		}
		now := s.Clock.Now()
		r = Request{OrgID: v.ID, OrgName: v.Name, TownID: v.TownID, Purpose: in.Purpose, Payee: in.Payee, Amount: in.Amount,
			ExpenseCode: x.Code, ExpenseName: x.Name, Documents: in.Documents, Route: limits.Route(in.Amount),
			Status: StatusRequested, RequesterName: a.DisplayName(), RequestedAt: now, OrgPath: v.Path}
		if a != nil {
			r.RequestedBy = a.UserID
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO finance_requests(org_id, town_id, purpose, payee, amount_fen,
			expense_account_id, documents, route, status, requested_by, requester_name, requested_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`, r.OrgID, db.NullID(r.TownID), r.Purpose,
			r.Payee, int64(r.Amount), x.ID, r.Documents, r.Route, r.Status, a.UserRef(), r.RequesterName, now).Scan(&r.ID); err != nil {
			return fmt.Errorf("finance: insert request: %w", err)
		}
		if err := addEvent(ctx, tx, a, &r, "request", "", now); err != nil {
			return err
		}
		if r.Receipts, err = files.Add(ctx, tx, now, a, RequestReceipts, r.ID, r.OrgID, in.Receipts); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.request", Entity: "finance_request",
			EntityID: r.ID, OrgID: r.OrgID, After: r})
	})
	return r, err
}

func addEvent(ctx context.Context, tx *sql.Tx, a *auth.Actor, r *Request, action, note string, now time.Time) error {
	e := RequestEvent{Action: action, Status: r.Status, ActorName: a.DisplayName(), At: now, Note: note}
	if _, err := tx.ExecContext(ctx, `INSERT INTO finance_request_events(request_id, action, status, actor_id, actor_name, at, note)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, r.ID, e.Action, e.Status, a.UserRef(), e.ActorName, now, note); err != nil {
		return fmt.Errorf("finance: request event: %w", err)
	}
	r.Events = append(r.Events, e)
	return nil
}

// Approval is how a request is approved.
type Approval struct {
	Mode        string  `json:"mode"` // signer (一支笔) or collective (两委)
	MeetingOn   day.Day `json:"meeting_on"`
	MeetingNote string  `json:"meeting_note,omitempty"`
	DecisionID  int64   `json:"decision_id,omitempty"`
	Note        string  `json:"note,omitempty"`
}

// requestFor loads a request and decides the actor's scope: read over its
// village with finance.read, and change with perm.
func requestFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, perm auth.Perm) (Request, error) {
	r, err := loadRequest(ctx, q, id)
	if err != nil {
		return r, err
	}
	if err := a.Decide(auth.PermFinanceRead, perm, r.OrgPath); err != nil {
		return Request{}, err
	}
	return r, nil
}

// checkStatus refuses a step on a request that is no longer where the
// step starts (finance.request_status: it was approved, paid, … meanwhile).
func checkStatus(r Request, want string) error {
	if r.Status != want {
		return apperr.Conflict("finance.request_status", apperr.Params{"status": statusKey(r.Status)})
	}
	return nil
}

func statusKey(s string) i18n.Key { return i18n.Key("finance.status." + s) }

// advance moves the request from one status to the next with the step's
// columns; a racing step that moved it first leaves no row to update and
// is refused like a late one.
func advance(ctx context.Context, tx *sql.Tx, r Request, from, set string, args ...any) error {
	n := len(args)
	q := `UPDATE finance_requests SET ` + set + fmt.Sprintf(` WHERE id = $%d AND status = $%d`, n+1, n+2)
	res, err := tx.ExecContext(ctx, q, append(args, r.ID, from)...)
	if err != nil {
		return fmt.Errorf("finance: advance request: %w", err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		var now string
		if err := tx.QueryRowContext(ctx, `SELECT status FROM finance_requests WHERE id = $1`, r.ID).Scan(&now); err != nil {
			return err
		}
		return apperr.Conflict("finance.request_status", apperr.Params{"status": statusKey(now)})
	}
	return nil
}

// ApproveRequest approves a request (finance.approve over the village).
// Rules, with their numbers:
//   - finance.self_approval: nobody approves their own request;
//   - finance.signer_limit: the 一支笔 approves up to the town's signer
//     limit; above it the 两委 approve collectively;
//   - finance.signer_designated: where the village has a designated signer,
//     only they sign alone;
//   - finance.meeting_required: a collective approval records its 两委
//     meeting (date and minutes);
//   - finance.decision_required, finance.decision_not_passed,
//     finance.decision_amount: above the collective limit, only with a
//     passed 四议两公开 decision of the village whose amount covers the request.
func (s *Service) ApproveRequest(ctx context.Context, a *auth.Actor, id int64, in Approval) (Request, error) {
	var r Request
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = requestFor(ctx, tx, a, id, auth.PermFinanceApprove); err != nil {
			return err
		}
		f := apperr.Fields{}
		in.Note = apperr.Prose(f, "note", in.Note, 500, false)
		in.MeetingNote = apperr.Prose(f, "meeting_note", in.MeetingNote, 1000, false)
		if in.Mode != RouteSigner && in.Mode != RouteCollective {
			f.Add("mode", "finance.mode_unknown", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		if err := checkStatus(r, StatusRequested); err != nil {
			return err
		}
		if same(a, r.RequestedBy) {
			return apperr.Rule("finance.self_approval", apperr.Params{"requester": r.RequesterName})
		}
		limits, err := s.limitsFor(ctx, tx, r.TownID)
		if err != nil {
			return err
		}
		today := day.Today(s.Clock)
		var d Decision
		switch in.Mode {
		case RouteSigner:
			if r.Amount > limits.Signer {
				return apperr.Rule("finance.signer_limit", apperr.Params{"amount": r.Amount, "limit": limits.Signer})
			}
			sg, err := signerOf(ctx, tx, r.OrgID)
			if err != nil {
				return err
			}
			if sg.UserID != 0 && !same(a, sg.UserID) && a != nil {
				return apperr.Rule("finance.signer_designated", apperr.Params{"signer": sg.Name})
			}
		case RouteCollective:
			if in.MeetingOn.IsZero() || in.MeetingOn.After(today) || in.MeetingNote == "" {
				return apperr.Rule("finance.meeting_required", apperr.Params{"today": today.String()})
			}
		}
		if r.Amount > limits.Collective {
			if d, err = s.passedDecision(ctx, tx, r, in.DecisionID, limits); err != nil {
				return err
			}
		}
		before := r
		now := s.Clock.Now()
		r.Status, r.ApproverName, r.ApprovedAt, r.ApprovalMode = StatusApproved, a.DisplayName(), &now, in.Mode
		if a != nil {
			r.ApprovedBy = a.UserID
		}
		if in.Mode == RouteCollective {
			r.MeetingOn, r.MeetingNote = in.MeetingOn, in.MeetingNote
		}
		r.DecisionID, r.DecisionTitle, r.DecisionAmount = d.ID, d.Title, Fen(d.AmountFen)
		if err := advance(ctx, tx, r, StatusRequested, `status = $1, approved_by = $2, approver_name = $3, approved_at = $4,
			approval_mode = $5, meeting_on = $6, meeting_note = $7, decision_id = $8, decision_title = $9, decision_amount_fen = $10`,
			r.Status, a.UserRef(), r.ApproverName, now, r.ApprovalMode, r.MeetingOn, r.MeetingNote, db.NullID(r.DecisionID),
			r.DecisionTitle, int64(r.DecisionAmount)); err != nil {
			return err
		}
		if err := addEvent(ctx, tx, a, &r, "approve", in.Note, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.approve", Entity: "finance_request",
			EntityID: r.ID, OrgID: r.OrgID, Before: before, After: r})
	})
	return r, err
}

// passedDecision checks the 四议两公开 decision a request above the
// collective limit needs.
func (s *Service) passedDecision(ctx context.Context, tx *sql.Tx, r Request, id int64, limits Limits) (Decision, error) {
	if id == 0 || s.Decisions == nil {
		return Decision{}, apperr.Rule("finance.decision_required", apperr.Params{"amount": r.Amount, "limit": limits.Collective})
	}
	d, ok, err := s.Decisions.PassedDecision(ctx, tx, id)
	if err != nil {
		return d, fmt.Errorf("finance: read decision %d: %w", id, err)
	}
	if !ok || d.OrgID != r.OrgID {
		return Decision{}, apperr.Rule("finance.decision_not_passed", apperr.Params{"id": id})
	}
	if Fen(d.AmountFen) < r.Amount {
		return Decision{}, apperr.Rule("finance.decision_amount", apperr.Params{"title": d.Title,
			"decided": Fen(d.AmountFen), "amount": r.Amount})
	}
	return d, nil
}

// ReviewRequest is the 村务监督委员会's review of an approved request
// (finance.review over the village). finance.self_review: the reviewer
// neither made nor approved it.
func (s *Service) ReviewRequest(ctx context.Context, a *auth.Actor, id int64, note string) (Request, error) {
	var r Request
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = requestFor(ctx, tx, a, id, auth.PermFinanceReview); err != nil {
			return err
		}
		f := apperr.Fields{}
		note = apperr.Prose(f, "note", note, 500, false)
		if err := f.Err(); err != nil {
			return err
		}
		if err := checkStatus(r, StatusApproved); err != nil {
			return err
		}
		if same(a, r.RequestedBy) || same(a, r.ApprovedBy) {
			return apperr.Rule("finance.self_review", apperr.Params{"requester": r.RequesterName, "approver": r.ApproverName})
		}
		before := r
		now := s.Clock.Now()
		r.Status, r.ReviewerName, r.ReviewedAt = StatusReviewed, a.DisplayName(), &now
		if a != nil {
			r.ReviewedBy = a.UserID
		}
		if err := advance(ctx, tx, r, StatusApproved, `status = $1, reviewed_by = $2, reviewer_name = $3, reviewed_at = $4`,
			r.Status, a.UserRef(), r.ReviewerName, now); err != nil {
			return err
		}
		if err := addEvent(ctx, tx, a, &r, "review", note, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.review", Entity: "finance_request",
			EntityID: r.ID, OrgID: r.OrgID, Before: before, After: r})
	})
	return r, err
}

// Payment is how the agent pays a reviewed request.
type Payment struct {
	AccountCode string `json:"account_code"` // 102 (bank) or 101 (cash), or a sub-account of either
	Attachments int    `json:"attachments,omitempty"`
	Note        string `json:"note,omitempty"`
}

// PayRequest checks and pays a reviewed request (finance.pay over the
// village): in one transaction the request becomes paid and its voucher
// (debit the expense account, credit bank or cash), dated today, is
// posted; a failure anywhere leaves neither. Rules: finance.self_payment
// (the payer made, approved or reviewed none of it), finance.pay_account
// (paid from cash or bank), finance.insufficient_funds (the account's
// balance covers the amount) and finance.period_closed.
func (s *Service) PayRequest(ctx context.Context, a *auth.Actor, id int64, in Payment) (Request, error) {
	var r Request
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = requestFor(ctx, tx, a, id, auth.PermFinancePay); err != nil {
			return err
		}
		f := apperr.Fields{}
		in.Note = apperr.Prose(f, "note", in.Note, 500, false)
		if in.AccountCode == "" {
			in.AccountCode = CodeBank
		}
		pay, ok, err := accountByCode(ctx, tx, r.OrgID, strings.TrimSpace(in.AccountCode))
		if err != nil {
			return err
		}
		if !ok || !pay.Leaf || !isMoney(pay.Code) {
			f.Add("account_code", "finance.pay_account", nil)
		}
		if in.Attachments < 0 || in.Attachments > 999 {
			f.Add("attachments", "finance.attachments_range", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		if err := checkStatus(r, StatusReviewed); err != nil {
			return err
		}
		if same(a, r.RequestedBy) || same(a, r.ApprovedBy) || same(a, r.ReviewedBy) {
			return apperr.Rule("finance.self_payment", apperr.Params{"requester": r.RequesterName})
		}
		before := r
		now := s.Clock.Now()
		r.Status, r.PayerName, r.PaidAt = StatusPaid, a.DisplayName(), &now
		if a != nil {
			r.PaidBy = a.UserID
		}
		if err := advance(ctx, tx, r, StatusReviewed, `status = $1, paid_by = $2, payer_name = $3, paid_at = $4`,
			r.Status, a.UserRef(), r.PayerName, now); err != nil {
			return err
		}
		v, err := loadVillage(ctx, tx, r.OrgID)
		if err != nil {
			return err
		}
		summary := "支付：" + r.Purpose
		if len([]rune(summary)) > 100 {
			summary = string([]rune(summary)[:100])
		}
		draft, err := insertVoucher(ctx, tx, a, v, NewVoucher{OrgID: v.ID, Date: day.Of(now), Summary: summary,
			Attachments: in.Attachments, Lines: []NewLine{
				{AccountCode: r.ExpenseCode, Summary: summary, Debit: r.Amount},
				{AccountCode: pay.Code, Summary: r.Payee, Credit: r.Amount},
			}}, day.Of(now), now, r.ID)
		if err != nil {
			return err
		}
		posted, err := post(ctx, tx, a, draft, now)
		if err != nil {
			return err
		}
		balance, err := accountBalance(ctx, tx, pay.ID)
		if err != nil {
			return err
		}
		if balance < 0 {
			return apperr.Rule("finance.insufficient_funds", apperr.Params{"account": pay.Code + " " + pay.Name,
				"balance": balance + r.Amount, "amount": r.Amount})
		}
		r.VoucherID = posted.ID
		if _, err := tx.ExecContext(ctx, `UPDATE finance_requests SET voucher_id = $1 WHERE id = $2`, posted.ID, r.ID); err != nil {
			return err
		}
		if err := addEvent(ctx, tx, a, &r, "pay", in.Note, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance.pay", Entity: "finance_request",
			EntityID: r.ID, OrgID: r.OrgID, Before: before, After: r})
	})
	return r, err
}

// accountBalance is an account's posted balance over all months, signed,
// debit positive.
func accountBalance(ctx context.Context, q db.Queryer, accountID int64) (Fen, error) {
	var b Fen
	err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(debit_fen - credit_fen), 0) FROM finance_balances WHERE account_id = $1`, accountID).Scan(&b)
	return b, err
}

// stepPerm is who may refuse a request where it stands: the approver
// before approval, the supervisors before review, the agent before payment.
var stepPerm = map[string]auth.Perm{
	StatusRequested: auth.PermFinanceApprove,
	StatusApproved:  auth.PermFinanceReview,
	StatusReviewed:  auth.PermFinancePay,
}

// RejectRequest refuses an open request at its current step, with the
// reason (note, required). The request keeps its history. Its requester
// withdraws it instead (finance.self_rejection).
func (s *Service) RejectRequest(ctx context.Context, a *auth.Actor, id int64, note string) (Request, error) {
	return s.end(ctx, a, id, note, "reject", StatusRejected)
}

// WithdrawRequest withdraws an open request (finance.request over the
// village); it keeps its history.
func (s *Service) WithdrawRequest(ctx context.Context, a *auth.Actor, id int64, note string) (Request, error) {
	return s.end(ctx, a, id, note, "withdraw", StatusWithdrawn)
}

func (s *Service) end(ctx context.Context, a *auth.Actor, id int64, note, action, status string) (Request, error) {
	var r Request
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = loadRequest(ctx, tx, id); err != nil {
			return err
		}
		perm := auth.PermFinanceRequest
		if action == "reject" {
			if perm = stepPerm[r.Status]; perm == "" {
				perm = auth.PermFinanceApprove
			}
		}
		if err := a.Decide(auth.PermFinanceRead, perm, r.OrgPath); err != nil {
			return err
		}
		f := apperr.Fields{}
		note = apperr.Prose(f, "note", note, 500, action == "reject")
		if err := f.Err(); err != nil {
			return err
		}
		if !r.Open() {
			return apperr.Conflict("finance.request_status", apperr.Params{"status": statusKey(r.Status)})
		}
		if action == "reject" && same(a, r.RequestedBy) {
			return apperr.Rule("finance.self_rejection", nil)
		}
		before := r
		now := s.Clock.Now()
		r.Status = status
		if err := advance(ctx, tx, r, before.Status, `status = $1`, status); err != nil {
			return err
		}
		if err := addEvent(ctx, tx, a, &r, action, note, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "finance." + action, Entity: "finance_request",
			EntityID: r.ID, OrgID: r.OrgID, Before: before, After: r})
	})
	return r, err
}

const requestColumns = `r.id, r.org_id, o.name, o.path, COALESCE(r.town_id, 0), r.purpose, r.payee, r.amount_fen, a.code, a.name,
	r.documents, r.route, r.status, COALESCE(r.requested_by, 0), r.requester_name, r.requested_at,
	COALESCE(r.approved_by, 0), r.approver_name, r.approved_at, r.approval_mode, r.meeting_on, r.meeting_note,
	COALESCE(r.decision_id, 0), r.decision_title, r.decision_amount_fen,
	COALESCE(r.reviewed_by, 0), r.reviewer_name, r.reviewed_at, COALESCE(r.paid_by, 0), r.payer_name, r.paid_at,
	COALESCE(r.voucher_id, 0)`

const requestFrom = ` FROM finance_requests r JOIN orgs o ON o.id = r.org_id JOIN finance_accounts a ON a.id = r.expense_account_id`

func scanRequest(row interface{ Scan(...any) error }, r *Request) error {
	var approved, reviewed, paid sql.NullTime
	err := row.Scan(&r.ID, &r.OrgID, &r.OrgName, &r.OrgPath, &r.TownID, &r.Purpose, &r.Payee, &r.Amount, &r.ExpenseCode,
		&r.ExpenseName, &r.Documents, &r.Route, &r.Status, &r.RequestedBy, &r.RequesterName, &r.RequestedAt,
		&r.ApprovedBy, &r.ApproverName, &approved, &r.ApprovalMode, &r.MeetingOn, &r.MeetingNote,
		&r.DecisionID, &r.DecisionTitle, &r.DecisionAmount,
		&r.ReviewedBy, &r.ReviewerName, &reviewed, &r.PaidBy, &r.PayerName, &paid, &r.VoucherID)
	r.RequestedAt = r.RequestedAt.UTC()
	r.ApprovedAt, r.ReviewedAt, r.PaidAt = utcPtr(approved), utcPtr(reviewed), utcPtr(paid)
	r.Events = []RequestEvent{}
	return err
}

func loadRequest(ctx context.Context, q db.Queryer, id int64) (Request, error) {
	var r Request
	err := scanRequest(q.QueryRowContext(ctx, `SELECT `+requestColumns+requestFrom+` WHERE r.id = $1`, id), &r)
	if errors.Is(err, sql.ErrNoRows) {
		return r, apperr.NotFound()
	}
	if err != nil {
		return r, fmt.Errorf("finance: load request %d: %w", id, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT action, status, actor_name, at, note FROM finance_request_events
		WHERE request_id = $1 ORDER BY id`, id)
	if err != nil {
		return r, err
	}
	r.Events, err = db.Collect(rows, func(rs *sql.Rows, e *RequestEvent) error {
		err := rs.Scan(&e.Action, &e.Status, &e.ActorName, &e.At, &e.Note)
		e.At = e.At.UTC()
		return err
	})
	return r, err
}

// Request is one request with its history (finance.read).
func (s *Service) Request(ctx context.Context, a *auth.Actor, id int64) (Request, error) {
	r, err := requestFor(ctx, s.DB, a, id, "")
	if err != nil {
		return r, err
	}
	r.Receipts, err = files.Of(ctx, s.DB, RequestReceipts, r.ID)
	return r, err
}

// Receipt is one receipt of a request or a voucher with its bytes, for
// whoever may read the record it belongs to.
func (s *Service) Receipt(ctx context.Context, a *auth.Actor, fileID int64) (files.File, []byte, error) {
	f, data, err := files.Load(ctx, s.DB, fileID, RequestReceipts, VoucherReceipts)
	if err != nil {
		return f, nil, err
	}
	if f.OwnerKind == VoucherReceipts {
		_, err = voucherFor(ctx, s.DB, a, f.OwnerID, "")
	} else {
		_, err = requestFor(ctx, s.DB, a, f.OwnerID, "")
	}
	if err != nil {
		return files.File{}, nil, err
	}
	return f, data, nil
}

// RequestFilter selects requests of a village or of a whole town, newest first.
type RequestFilter struct {
	OrgID  int64  // a village or a town
	Status string // optional
	Before int64
	Limit  int
}

// ListRequests lists requests (finance.read over the village or town).
// A town's list with a status is the agent's work list: what is reviewed
// and waits for payment in every village.
func (s *Service) ListRequests(ctx context.Context, a *auth.Actor, f RequestFilter) ([]Request, error) {
	var path, typ string
	err := s.DB.QueryRowContext(ctx, `SELECT path, type FROM orgs WHERE id = $1`, f.OrgID).Scan(&path, &typ)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, apperr.NotFound()
	}
	if err != nil {
		return nil, err
	}
	if err := a.Decide(auth.PermFinanceRead, "", path); err != nil {
		return nil, err
	}
	var args db.Args
	where := ""
	switch typ {
	case villageType:
		where = `r.org_id = ` + args.Add(f.OrgID)
	case "town":
		where = `r.town_id = ` + args.Add(f.OrgID)
	default:
		return nil, apperr.Invalid("org_id", "finance.not_village", nil)
	}
	if f.Status != "" {
		where += ` AND r.status = ` + args.Add(f.Status)
	}
	if f.Before > 0 {
		where += ` AND r.id < ` + args.Add(f.Before)
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+requestColumns+requestFrom+` WHERE `+where+` ORDER BY r.id DESC LIMIT `+
		args.Add(db.Limit(f.Limit, 50, 200)), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("finance: list requests: %w", err)
	}
	return db.Collect(rows, func(rs *sql.Rows, r *Request) error { return scanRequest(rs, r) })
}
