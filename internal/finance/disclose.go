package finance

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/disclosure"
)

// MonthlyDraft builds the month's 财务公开 from the books: income and
// expenditure by account for the month and the year, the cash and bank
// balances, and the expenditures paid in the month above the signer's
// limit with their approvals. Nothing in it is typed.
func monthlyDraft(ctx context.Context, tx *sql.Tx, v Village, period string, limits Limits) (disclosure.Draft, error) {
	month, m, y, err := incomeRows(ctx, tx, v, period)
	if err != nil {
		return disclosure.Draft{}, err
	}
	var b strings.Builder
	title := fmt.Sprintf("%s %s年%s月财务公开", v.Name, period[:4], strings.TrimPrefix(period[5:], "0"))
	fmt.Fprintf(&b, "%s\n\n", title)
	section := func(name string, credit bool) {
		fmt.Fprintf(&b, "%s\n科目 | 本月（元） | 本年累计（元）\n", name)
		var tm, ty Fen
		for _, c := range Chart {
			if c.Class != ClassProfit || c.DebitSide == credit {
				continue
			}
			mv, yv := m[c.Code].Debit-m[c.Code].Credit, y[c.Code].Debit-y[c.Code].Credit
			if credit {
				mv, yv = -mv, -yv
			}
			if mv == 0 && yv == 0 {
				continue
			}
			tm, ty = tm+mv, ty+yv
			fmt.Fprintf(&b, "%s %s | %s | %s\n", c.Code, c.Name, mv, yv)
		}
		fmt.Fprintf(&b, "合计 | %s | %s\n\n", tm, ty)
	}
	section("一、收入", true)
	section("二、支出", false)
	b.WriteString("三、资金余额\n科目 | 月初（元） | 月末（元）\n")
	for _, r := range month.Rows {
		if r.Leaf && isMoney(r.Code) {
			fmt.Fprintf(&b, "%s %s | %s | %s\n", r.Code, r.Name, r.Opening, r.Closing)
		}
	}
	fmt.Fprintf(&b, "\n四、大额支出及审批（超过一支笔审批限额 %s 元）\n日期 | 用途 | 收款人 | 金额（元） | 审批\n", limits.Signer)
	rows, err := tx.QueryContext(ctx, `SELECT `+requestColumns+requestFrom+` WHERE r.org_id = $1 AND r.status = $2
		AND r.amount_fen > $3 ORDER BY r.id`, v.ID, StatusPaid, int64(limits.Signer))
	if err != nil {
		return disclosure.Draft{}, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var r Request
		if err := scanRequest(rows, &r); err != nil {
			return disclosure.Draft{}, err
		}
		if r.PaidAt == nil || PeriodOf(day.Of(*r.PaidAt)) != period {
			continue
		}
		n++
		how := "两委集体审批"
		if !r.MeetingOn.IsZero() {
			how += "（" + r.MeetingOn.String() + " 会议）"
		}
		if r.DecisionID != 0 {
			how += "；四议两公开决议《" + r.DecisionTitle + "》"
		}
		how += "；监督委员会审核：" + r.ReviewerName
		fmt.Fprintf(&b, "%s | %s | %s | %s | %s\n", day.Of(*r.PaidAt), r.Purpose, r.Payee, r.Amount, how)
	}
	if err := rows.Err(); err != nil {
		return disclosure.Draft{}, err
	}
	if n == 0 {
		b.WriteString("本月无\n")
	}
	return disclosure.Draft{OrgID: v.ID, Category: disclosure.Finance, Period: period, Title: title,
		Body: strings.TrimRight(b.String(), "\n"), Source: fmt.Sprintf("finance.month:%d:%s", v.ID, period)}, nil
}

// DraftMonthlyDisclosure files a village's 财务公开 of a closed month with
// 五公开 as a draft to be reviewed and published there (finance.keep over
// the village). Rule finance.disclosure_open_period: only a closed month
// is disclosed, so the figures published never change. Drafting again
// replaces the draft or supersedes the published item (the Source is
// the same).
func (s *Service) DraftMonthlyDisclosure(ctx context.Context, a *auth.Actor, orgID int64, period string) (int64, error) {
	var itemID int64
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, orgID, auth.PermFinanceKeep)
		if err != nil {
			return err
		}
		per, ok := ParsePeriod(period)
		if !ok {
			return apperr.Invalid("period", "finance.period_format", nil)
		}
		if s.Drafter == nil {
			return apperr.Conflict("finance.disclosure_unavailable", nil)
		}
		if err := checkPeriodOpen(ctx, tx, v.ID, per); err == nil {
			return apperr.Rule("finance.disclosure_open_period", apperr.Params{"period": per})
		} else if apperr.As(err) == nil || apperr.As(err).Rule != "finance.period_closed" {
			return err
		}
		limits, err := s.limitsFor(ctx, tx, v.TownID)
		if err != nil {
			return err
		}
		d, err := monthlyDraft(ctx, tx, v, per, limits)
		if err != nil {
			return err
		}
		// The town's agent keeps the books of villages where it holds no
		// role of village democracy: finance.keep, decided above, is the
		// permission, so the draft is filed as the system's, and this
		// use case's audit record names the agent.
		if itemID, err = s.Drafter.Draft(ctx, tx, nil, d); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "finance.disclose", Entity: "finance_period",
			EntityID: v.ID, OrgID: v.ID, After: map[string]any{"period": per, "source": d.Source, "item_id": itemID}})
	})
	return itemID, err
}
