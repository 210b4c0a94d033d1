package finance

import (
	"context"
	"database/sql"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
)

// StatementLine is one line of a standard statement: the accounts it
// sums and its figures, each in the line's natural sign (an asset's
// debit balance, a liability's credit balance, an income's credits).
type StatementLine struct {
	Name  string   `json:"name"`
	Codes []string `json:"codes"`
	// First is the figure at the start of the year (balance sheet) or of
	// the month (income statement); Second at the period's end or for
	// the year to date.
	First  Fen  `json:"first_fen"`
	Second Fen  `json:"second_fen"`
	Deduct bool `json:"deduct"` // a 减 line, subtracted in its total
	Total  bool `json:"total"`  // a subtotal or total line
}

// item is a statement line: its accounts and the sign that turns their
// debit-positive balances into the line's figure.
type item struct {
	name   string
	codes  []string
	sign   Fen
	deduct bool
}

// The 资产负债表 of the 2023 system, condensed: every account of the chart
// is on exactly one line, so the sheet balances whenever the trial
// balance does. Contra accounts (累计折旧, 累计摊销) net their assets.
// Income and expense accounts not yet carried to 本年收益 stand in 未分配收益.
var (
	assetItems = []item{
		{"货币资金", []string{"101", "102"}, 1, false},
		{"短期投资", []string{"111"}, 1, false},
		{"应收款项", []string{"112", "113"}, 1, false},
		{"存货", []string{"121", "131", "401"}, 1, false},
		{"生物资产净值", []string{"132", "133", "134"}, 1, false},
		{"长期投资", []string{"141"}, 1, false},
		{"固定资产原值", []string{"151"}, 1, false},
		{"减：累计折旧", []string{"152"}, -1, true},
		{"在建工程", []string{"153"}, 1, false},
		{"固定资产清理", []string{"154"}, 1, false},
		{"无形资产净值", []string{"161", "162"}, 1, false},
		{"长期待摊费用", []string{"171"}, 1, false},
		{"待处理财产损溢", []string{"181"}, 1, false},
	}
	liabilityItems = []item{
		{"短期借款", []string{"201"}, -1, false},
		{"应付款", []string{"211"}, -1, false},
		{"应付工资", []string{"212"}, -1, false},
		{"应付劳务费", []string{"213"}, -1, false},
		{"应交税费", []string{"214"}, -1, false},
		{"长期借款及应付款", []string{"221"}, -1, false},
		{"一事一议资金", []string{"231"}, -1, false},
		{"专项应付款", []string{"241"}, -1, false},
	}
	equityItems = []item{
		{"资本", []string{"301"}, -1, false},
		{"公积公益金", []string{"311"}, -1, false},
		{"未分配收益", []string{"321", "322", "501", "502", "503", "504", "511", "512", "513", "514", "515", "521"}, -1, false},
	}
)

// BalanceSheet is a village's 资产负债表 at the end of a month.
type BalanceSheet struct {
	Village     Village         `json:"village"`
	Period      string          `json:"period"`
	Assets      []StatementLine `json:"assets"`
	Liabilities []StatementLine `json:"liabilities"`
	Equity      []StatementLine `json:"equity"`
	Balanced    bool            `json:"balanced"` // 资产 = 负债 + 所有者权益, both columns
}

// byCode indexes a trial balance's standard rows.
func byCode(tb TrialBalance) map[string]TrialRow {
	m := map[string]TrialRow{}
	for _, r := range tb.Rows {
		if r.ParentID == 0 {
			m[r.Code] = r
		}
	}
	return m
}

// lines turns items into statement lines with first and second figures
// picked from the rows, and a total line named total.
func lines(items []item, rows map[string]TrialRow, first, second func(TrialRow) Fen, total string) []StatementLine {
	out := []StatementLine{}
	t := StatementLine{Name: total, Codes: []string{}, Total: true}
	for _, it := range items {
		l := StatementLine{Name: it.name, Codes: it.codes, Deduct: it.deduct}
		for _, c := range it.codes {
			l.First += it.sign * first(rows[c])
			l.Second += it.sign * second(rows[c])
		}
		out = append(out, l)
		t = addTo(t, l)
	}
	return append(out, t)
}

// addTo adds a line into a total, or takes it off for a 减 line.
func addTo(t, l StatementLine) StatementLine {
	if l.Deduct {
		t.First, t.Second = t.First-l.First, t.Second-l.Second
	} else {
		t.First, t.Second = t.First+l.First, t.Second+l.Second
	}
	return t
}

// monthArg reads a month, defaulting to this one.
func monthArg(period string, today day.Day) (string, error) {
	if period == "" {
		return PeriodOf(today), nil
	}
	p, ok := ParsePeriod(period)
	if !ok {
		return "", apperr.Invalid("period", "finance.period_format", nil)
	}
	return p, nil
}

// BalanceSheet is a village's balance sheet at the end of period, with the
// figures at the start of its year (finance.read).
func (s *Service) BalanceSheet(ctx context.Context, a *auth.Actor, orgID int64, period string) (BalanceSheet, error) {
	var bs BalanceSheet
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, orgID, "")
		if err != nil {
			return err
		}
		p, err := monthArg(period, day.Today(s.Clock))
		if err != nil {
			return err
		}
		tb, err := trialBalance(ctx, tx, v, p[:4]+"-01", p)
		if err != nil {
			return err
		}
		bs = balanceSheet(tb, p)
		return nil
	})
	return bs, err
}

func balanceSheet(tb TrialBalance, p string) BalanceSheet {
	rows := byCode(tb)
	open := func(r TrialRow) Fen { return r.Opening }
	closing := func(r TrialRow) Fen { return r.Closing }
	bs := BalanceSheet{Village: tb.Village, Period: p,
		Assets:      lines(assetItems, rows, open, closing, "资产总计"),
		Liabilities: lines(liabilityItems, rows, open, closing, "负债合计"),
		Equity:      lines(equityItems, rows, open, closing, "所有者权益合计"),
	}
	ta, tl, te := bs.Assets[len(bs.Assets)-1], bs.Liabilities[len(bs.Liabilities)-1], bs.Equity[len(bs.Equity)-1]
	bs.Equity = append(bs.Equity, StatementLine{Name: "负债和所有者权益总计", Codes: []string{}, First: tl.First + te.First, Second: tl.Second + te.Second, Total: true})
	bs.Balanced = ta.First == tl.First+te.First && ta.Second == tl.Second+te.Second
	return bs
}

// IncomeStatement is a village's 收益及收益分配表: the month's figures and
// the year's to the end of the month.
type IncomeStatement struct {
	Village Village         `json:"village"`
	Period  string          `json:"period"`
	Lines   []StatementLine `json:"lines"`
}

// IncomeStatement is the 收益及收益分配表 of period (finance.read).
func (s *Service) IncomeStatement(ctx context.Context, a *auth.Actor, orgID int64, period string) (IncomeStatement, error) {
	var is IncomeStatement
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, orgID, "")
		if err != nil {
			return err
		}
		p, err := monthArg(period, day.Today(s.Clock))
		if err != nil {
			return err
		}
		_, m, y, err := incomeRows(ctx, tx, v, p)
		if err != nil {
			return err
		}
		is = incomeStatement(v, m, y, p)
		return nil
	})
	return is, err
}

// incomeRows are the trial balances of a month and of its year to date,
// and their top-level rows by code without the year-end closing vouchers.
func incomeRows(ctx context.Context, tx *sql.Tx, v Village, p string) (month TrialBalance, m, y map[string]TrialRow, err error) {
	if month, err = trialBalance(ctx, tx, v, p, p); err != nil {
		return
	}
	year, err := trialBalance(ctx, tx, v, p[:4]+"-01", p)
	if err != nil {
		return
	}
	m, y = byCode(month), byCode(year)
	if err = withoutYearEnds(ctx, tx, v.ID, m, p, p); err != nil {
		return
	}
	err = withoutYearEnds(ctx, tx, v.ID, y, p[:4]+"-01", p)
	return
}

func incomeStatement(v Village, m, y map[string]TrialRow, p string) IncomeStatement {
	// net is what an account contributes to income: credits less debits.
	net := func(rows map[string]TrialRow, code string) Fen { return rows[code].Credit - rows[code].Debit }
	line := func(name string, sign Fen, codes ...string) StatementLine {
		l := StatementLine{Name: name, Codes: codes, Deduct: sign < 0}
		for _, c := range codes {
			l.First += sign * net(m, c)
			l.Second += sign * net(y, c)
		}
		return l
	}
	sum := func(name string, parts ...StatementLine) StatementLine {
		t := StatementLine{Name: name, Codes: []string{}, Total: true}
		for _, x := range parts {
			t = addTo(t, x)
		}
		return t
	}
	rev := line("经营收入", 1, "501")
	ex := []StatementLine{line("减：经营支出", -1, "511"), line("减：税金及附加", -1, "512"), line("减：管理费用", -1, "513")}
	op := sum("经营收益", append([]StatementLine{rev}, ex...)...)
	add := []StatementLine{line("加：投资收益", 1, "502"), line("加：补助收入", 1, "503"), line("加：其他收入", 1, "504"),
		line("减：公益支出", -1, "514"), line("减：其他支出", -1, "515")}
	total := sum("收益总额", append([]StatementLine{op}, add...)...)
	tax := line("减：所得税费用", -1, "521")
	netIncome := sum("净收益", total, tax)
	dist := StatementLine{Name: "本期收益分配", Codes: []string{"322"}, First: m["322"].Debit - m["322"].Credit, Second: y["322"].Debit - y["322"].Credit}
	out := []StatementLine{rev}
	out = append(out, ex...)
	out = append(out, op)
	out = append(out, add...)
	out = append(out, total, tax, netIncome, dist)
	return IncomeStatement{Village: v, Period: p, Lines: out}
}
