package finance

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/xlsx"
)

// DepartureAudit is the 离任审计 of a cadre leaving office: over their term
// in one village, every request they made, approved, reviewed or paid, the
// ones they made still open, the assets in their custody or whose
// disposal they asked for or approved, the contracts they signed, the
// 清查 campaigns of the village begun in the term with their
// discrepancies, and the trial balance at the start and the end of the term.
type DepartureAudit struct {
	Village   Village      `json:"village"`
	UserID    int64        `json:"user_id"`
	Cadre     string       `json:"cadre"`
	From      day.Day      `json:"from"`
	To        day.Day      `json:"to"`
	Requests  []AuditStep  `json:"requests"`
	Open      []Request    `json:"open_requests"`
	Assets    []Asset      `json:"assets"`
	Contracts []Contract   `json:"contracts"`
	Counts    []Count      `json:"counts"`        // 清查 campaigns of the village begun in the term
	Balance   TrialBalance `json:"trial_balance"` // opening = the term's start, closing = its end
}

// AuditStep is one request and the part the cadre had in it.
type AuditStep struct {
	Request Request `json:"request"`
	Role    string  `json:"role"` // requested, approved, reviewed or paid
}

// DepartureAudit builds the report (finance.keep or finance.manage over
// the village: the town audits its cadres). The cadre is a user account;
// the register entries kept by name (custodian, signer) match its display
// name.
func (s *Service) DepartureAudit(ctx context.Context, a *auth.Actor, orgID, userID int64, from, to day.Day) (DepartureAudit, error) {
	var da DepartureAudit
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, orgID, "")
		if err != nil {
			return err
		}
		// The cadre is someone holding a role in the village; anyone else
		// answers as an id that does not exist.
		err = tx.QueryRowContext(ctx, `SELECT u.display_name FROM users u WHERE u.id = $1 AND EXISTS (
			SELECT 1 FROM role_bindings b JOIN orgs o ON o.id = b.org_id WHERE b.user_id = u.id AND o.path >= $2 AND o.path < $3)`,
			userID, v.Path, db.PathEnd(v.Path)).Scan(&da.Cadre)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.NotFound()
		} else if err != nil {
			return err
		}
		if a != nil && !a.CanAt(auth.PermFinanceKeep, v.Path) && !a.CanAt(auth.PermFinanceManage, v.Path) {
			return apperr.Forbidden()
		}
		if from.IsZero() || to.IsZero() || to.Before(from) {
			return apperr.Invalid("to", "finance.term_range", nil)
		}
		da.Village, da.UserID, da.From, da.To = v, userID, from, to
		rows, err := tx.QueryContext(ctx, `SELECT `+requestColumns+requestFrom+` WHERE r.org_id = $1
			AND (r.requested_by = $2 OR r.approved_by = $2 OR r.reviewed_by = $2 OR r.paid_by = $2)
			AND r.requested_at >= $3 AND r.requested_at < $4 ORDER BY r.id`, v.ID, userID, from.Time(), to.AddDays(1).Time())
		if err != nil {
			return fmt.Errorf("finance: audit requests: %w", err)
		}
		reqs, err := db.Collect(rows, func(rs *sql.Rows, r *Request) error { return scanRequest(rs, r) })
		if err != nil {
			return err
		}
		da.Requests, da.Open = []AuditStep{}, []Request{}
		for _, r := range reqs {
			for _, part := range []struct {
				by   int64
				role string
			}{{r.RequestedBy, "requested"}, {r.ApprovedBy, "approved"}, {r.ReviewedBy, "reviewed"}, {r.PaidBy, "paid"}} {
				if part.by == userID {
					da.Requests = append(da.Requests, AuditStep{Request: r, Role: part.role})
				}
			}
			if r.RequestedBy == userID && r.Open() {
				da.Open = append(da.Open, r)
			}
		}
		today := day.Today(s.Clock)
		rows, err = tx.QueryContext(ctx, `SELECT `+assetColumns+` FROM finance_assets x JOIN orgs o ON o.id = x.org_id
			WHERE x.org_id = $1 AND (x.custodian = $2 OR x.disposal_by = $3 OR x.disposal_approved_by = $3) ORDER BY x.id`,
			v.ID, da.Cadre, userID)
		if err != nil {
			return err
		}
		if da.Assets, err = db.Collect(rows, func(r *sql.Rows, x *Asset) error {
			err := scanAsset(r, x)
			x.depreciate(today)
			return err
		}); err != nil {
			return err
		}
		rows, err = tx.QueryContext(ctx, `SELECT `+contractColumns+contractFrom+` WHERE c.org_id = $1 AND c.signer_name = $2 ORDER BY c.id`,
			v.ID, da.Cadre)
		if err != nil {
			return err
		}
		if da.Contracts, err = db.Collect(rows, func(r *sql.Rows, c *Contract) error {
			err := scanContract(r, c)
			c.standing(today)
			return err
		}); err != nil {
			return err
		}
		if da.Counts, err = termCounts(ctx, tx, v.ID, from, to); err != nil {
			return err
		}
		da.Balance, err = trialBalance(ctx, tx, v, PeriodOf(from), PeriodOf(to))
		return err
	})
	return da, err
}

// Cadres are the users holding a role in a village, for choosing whose
// departure to audit (finance.read).
func (s *Service) Cadres(ctx context.Context, a *auth.Actor, orgID int64) ([]Signer, error) {
	v, err := villageFor(ctx, s.DB, a, orgID, "")
	if err != nil {
		return nil, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT DISTINCT u.id, u.display_name FROM users u JOIN role_bindings b ON b.user_id = u.id
		JOIN orgs o ON o.id = b.org_id WHERE o.path >= $1 AND o.path < $2`, v.Path, db.PathEnd(v.Path))
	if err != nil {
		return nil, err
	}
	out, err := db.Collect(rows, func(r *sql.Rows, sg *Signer) error { return r.Scan(&sg.UserID, &sg.Name) })
	sort.Slice(out, func(i, j int) bool { return out[i].UserID < out[j].UserID })
	return out, err
}

// DepartureAuditXLSX is the report as a workbook: the requests, the open
// ones, the registers, the 清查 campaigns and the trial balance, a sheet
// each; stateName names a campaign's state.
func DepartureAuditXLSX(da DepartureAudit, statusName, roleName, stateName func(string) string) ([]byte, error) {
	yuan := func(x Fen) string { return x.String() }
	head := [][]any{{"离任审计", da.Village.Name}, {"被审计人", da.Cadre}, {"任期", da.From.String() + " 至 " + da.To.String()}}
	reqs := [][]any{{"申请编号", "经手环节", "用途", "收款人", "金额（元）", "状态", "申请时间"}}
	for _, st := range da.Requests {
		r := st.Request
		reqs = append(reqs, []any{r.ID, roleName(st.Role), r.Purpose, r.Payee, yuan(r.Amount), statusName(r.Status), r.RequestedAt.Format("2006-01-02")})
	}
	open := [][]any{{"申请编号", "用途", "金额（元）", "状态"}}
	for _, r := range da.Open {
		open = append(open, []any{r.ID, r.Purpose, yuan(r.Amount), statusName(r.Status)})
	}
	regs := [][]any{{"固定资产", "保管人", "原值（元）", "净值（元）", "状态"}}
	for _, x := range da.Assets {
		regs = append(regs, []any{x.Name, x.Custodian, yuan(x.Original), yuan(x.NetValue), x.Status})
	}
	regs = append(regs, []any{}, []any{"资源合同", "承包方", "期限", "年承包费（元）", "欠缴（元）"})
	for _, c := range da.Contracts {
		regs = append(regs, []any{c.ResourceName, c.Counterparty, c.StartsOn.String() + " 至 " + c.EndsOn.String(), yuan(c.AnnualRent), yuan(c.Arrears)})
	}
	counts := [][]any{{"清查", "开始日期", "状态", "清查项目", "差异", "未处理差异"}}
	for _, c := range da.Counts {
		counts = append(counts, []any{c.Name, c.StartsOn.String(), stateName(c.State), c.Items, c.Discrepancies, c.Unresolved})
	}
	tb := [][]any{{"科目", "任期初余额（元，借正贷负）", "任期内借方", "任期内贷方", "任期末余额（元，借正贷负）"}}
	for _, r := range da.Balance.Rows {
		if r.Active() {
			tb = append(tb, []any{r.Code + " " + r.Name, yuan(r.Opening), yuan(r.Debit), yuan(r.Credit), yuan(r.Closing)})
		}
	}
	var buf bytes.Buffer
	book := xlsx.NewWriter(&buf)
	for _, s := range []struct {
		name string
		rows [][]any
	}{{"概况", head}, {"经手支出", reqs}, {"未结申请", open}, {"资产和合同", regs}, {"清查", counts}, {"科目余额", tb}} {
		sheet, err := book.AddSheet(s.name)
		if err != nil {
			return nil, err
		}
		if err := sheet.WriteRows(s.rows); err != nil {
			return nil, err
		}
	}
	if err := book.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
