package finance

import (
	"context"
	"database/sql"
	"fmt"
)

// Class is an account's class in the chart.
type Class string

const (
	ClassAsset     Class = "asset"     // 资产类
	ClassLiability Class = "liability" // 负债类
	ClassEquity    Class = "equity"    // 所有者权益类
	ClassCost      Class = "cost"      // 成本类
	ClassProfit    Class = "profit"    // 损益类
)

// Classes in the order of the chart.
var Classes = []Class{ClassAsset, ClassLiability, ClassEquity, ClassCost, ClassProfit}

// StandardAccount is one account of the 农村集体经济组织会计制度 (财会〔2023〕14号,
// in force from 1 January 2024).
type StandardAccount struct {
	Code      string
	Name      string
	Class     Class
	DebitSide bool // the side its balance normally stands on
}

// Chart is the standard chart of accounts, 42 accounts, seeded for every
// village when its books are opened (docs/domain.md#village-finance).
// Contra accounts (累计折旧, 累计摊销, 生产性生物资产累计折旧) are asset
// accounts with a credit balance.
var Chart = []StandardAccount{
	{"101", "库存现金", ClassAsset, true},
	{"102", "银行存款", ClassAsset, true},
	{"111", "短期投资", ClassAsset, true},
	{"112", "应收款", ClassAsset, true},
	{"113", "内部往来", ClassAsset, true},
	{"121", "库存物资", ClassAsset, true},
	{"131", "消耗性生物资产", ClassAsset, true},
	{"132", "生产性生物资产", ClassAsset, true},
	{"133", "生产性生物资产累计折旧", ClassAsset, false},
	{"134", "公益性生物资产", ClassAsset, true},
	{"141", "长期投资", ClassAsset, true},
	{"151", "固定资产", ClassAsset, true},
	{"152", "累计折旧", ClassAsset, false},
	{"153", "在建工程", ClassAsset, true},
	{"154", "固定资产清理", ClassAsset, true},
	{"161", "无形资产", ClassAsset, true},
	{"162", "累计摊销", ClassAsset, false},
	{"171", "长期待摊费用", ClassAsset, true},
	{"181", "待处理财产损溢", ClassAsset, true},
	{"201", "短期借款", ClassLiability, false},
	{"211", "应付款", ClassLiability, false},
	{"212", "应付工资", ClassLiability, false},
	{"213", "应付劳务费", ClassLiability, false},
	{"214", "应交税费", ClassLiability, false},
	{"221", "长期借款及应付款", ClassLiability, false},
	{"231", "一事一议资金", ClassLiability, false},
	{"241", "专项应付款", ClassLiability, false},
	{"301", "资本", ClassEquity, false},
	{"311", "公积公益金", ClassEquity, false},
	{"321", "本年收益", ClassEquity, false},
	{"322", "收益分配", ClassEquity, false},
	{"401", "生产（劳务）成本", ClassCost, true},
	{"501", "经营收入", ClassProfit, false},
	{"502", "投资收益", ClassProfit, false},
	{"503", "补助收入", ClassProfit, false},
	{"504", "其他收入", ClassProfit, false},
	{"511", "经营支出", ClassProfit, true},
	{"512", "税金及附加", ClassProfit, true},
	{"513", "管理费用", ClassProfit, true},
	{"514", "公益支出", ClassProfit, true},
	{"515", "其他支出", ClassProfit, true},
	{"521", "所得税费用", ClassProfit, true},
}

// Account codes the use cases name.
const (
	CodeCash            = "101" // 库存现金
	CodeBank            = "102" // 银行存款
	CodePayWages        = "212" // 应付工资
	CodeOperatingIncome = "501" // 经营收入
)

// seedChart opens a village's books: the standard chart, once. It is
// called by every use case that writes to the books, so a village has
// its chart from its first voucher or request on.
func seedChart(ctx context.Context, tx *sql.Tx, orgID int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM finance_accounts WHERE org_id = $1 AND standard`, orgID).Scan(&n); err != nil {
		return fmt.Errorf("finance: count accounts: %w", err)
	}
	if n > 0 {
		return nil
	}
	for _, c := range Chart {
		if _, err := tx.ExecContext(ctx, `INSERT INTO finance_accounts(org_id, code, name, class, debit_side, standard)
			VALUES ($1, $2, $3, $4, $5, TRUE) ON CONFLICT (org_id, code) DO NOTHING`, orgID, c.Code, c.Name, string(c.Class), c.DebitSide); err != nil {
			return fmt.Errorf("finance: seed chart: %w", err)
		}
	}
	return nil
}
