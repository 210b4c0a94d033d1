package finance_test

import (
	"net/url"
	"strconv"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/finance"
	"dangjian/internal/testkit"
)

func TestDemoBooksBalanceInEveryVillage(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		for _, v := range demo.Villages {
			o := env.Town.Villages[v.Name]
			tb, err := env.Svc.Finance.TrialBalance(t.Context(), nil, o.ID, "", "")
			if err != nil {
				t.Fatal(err)
			}
			if !tb.Balanced || tb.Totals.Debit < 500_000_00 {
				t.Fatalf("%s: trial balance %+v", v.Name, tb.Totals)
			}
			bs, err := env.Svc.Finance.BalanceSheet(t.Context(), nil, o.ID, "")
			if err != nil || !bs.Balanced {
				t.Fatalf("%s: balance sheet %v %+v", v.Name, err, bs)
			}
			ps, err := env.Svc.Finance.Periods(t.Context(), nil, o.ID)
			if err != nil || len(ps) != 12 || ps[0].ClosedAt != nil || ps[1].ClosedAt == nil {
				t.Fatalf("%s: months %v %+v", v.Name, err, ps)
			}
		}
	})
}

func TestFinancePages(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		haidan, kuaiji, jiandu, admin := env.Login(t, "haidan"), env.Login(t, "kuaiji"), env.Login(t, "jiandu"), env.Login(t, "admin")
		ours, theirs := env.Town.Villages["海丹"].ID, env.Town.Villages["海戛"].ID
		id := func(n int64) string { return strconv.FormatInt(n, 10) }
		reqs, err := env.Svc.Finance.ListRequests(t.Context(), nil, finance.RequestFilter{OrgID: ours})
		if err != nil || len(reqs) != 6 {
			t.Fatalf("demo requests of 海丹: %v %d", err, len(reqs))
		}
		var paid, big finance.Request
		for _, r := range reqs {
			switch {
			case r.Status == finance.StatusPaid:
				paid = r
			case r.Amount == 86_000_00:
				big = r
			}
		}
		theirReqs, _ := env.Svc.Finance.ListRequests(t.Context(), nil, finance.RequestFilter{OrgID: theirs})
		cases := []struct {
			name   string
			client *testkit.Client
			x      testkit.Exchange
		}{
			{"village list", kuaiji, testkit.Exchange{Path: "/finance", Status: 200, Has: []string{"海丹村党总支", "黄泥堡村党总支", "全镇支出申请"}}},
			{"books", haidan, testkit.Exchange{Path: "/finance/books", Status: 200, Has: []string{"科目余额表", "借贷平衡", "102 银行存款", "结账"}}},
			{"books of another village", haidan, testkit.Exchange{Path: "/finance/books?org_id=" + id(theirs), Status: 404}},
			{"the agent picks a village", kuaiji, testkit.Exchange{Path: "/finance/books", Status: 200, Has: []string{"选择村", "海戛村党总支"}}},
			{"vouchers", kuaiji, testkit.Exchange{Path: "/finance/vouchers?org_id=" + id(ours), Status: 200, Has: []string{"计提办公楼折旧", "填制凭证"}}},
			{"journal", haidan, testkit.Exchange{Path: "/finance/journal", Status: 200, Has: []string{"序时账", "计提村组干部报酬"}}},
			{"statements", jiandu, testkit.Exchange{Path: "/finance/statements", Status: 200, Has: []string{"资产负债表", "收益及收益分配表", "负债和所有者权益总计", "借贷平衡"}}},
			{"reconciliation", kuaiji, testkit.Exchange{Path: "/finance/reconciliations?org_id=" + id(ours), Status: 200, Has: []string{"已调平", "银行利息已入账"}}},
			{"requests", haidan, testkit.Exchange{Path: "/finance/expenditures", Status: 200, Has: []string{"党群服务中心门窗更换", "已撤回", "提出支出申请"}}},
			{"town queue", kuaiji, testkit.Exchange{Path: "/finance/expenditures?org_id=" + id(env.Town.Town.ID) + "&status=paid", Status: 200, Has: []string{"海戛村党总支", "海丹村党总支"}}},
			{"paid request", jiandu, testkit.Exchange{Path: "/finance/expenditures/" + id(paid.ID), Status: 200, Has: []string{"已支付", "支付记账", "票据齐全"}}},
			{"another village's request", haidan, testkit.Exchange{Path: "/finance/expenditures/" + id(theirReqs[0].ID), Status: 404}},
			{"limits", admin, testkit.Exchange{Path: "/finance/limits", Status: 200, Has: []string{"一支笔审批限额 20,000.00 元"}}},
			{"limits must be in order", admin, testkit.Exchange{Method: "POST", Path: "/finance/limits?town_id=" + id(env.Town.Town.ID),
				Form: url.Values{"signer_limit": {"60000"}, "collective_limit": {"50000"}}, Status: 422, Has: []string{"两委集体审批限额 50,000.00 元须高于一支笔审批限额 60,000.00 元"}}},
			{"the village cannot keep books", haidan, testkit.Exchange{Method: "POST", Path: "/finance/vouchers?org_id=" + id(ours),
				Form: url.Values{"date": {"2026-11-20"}, "summary": {"x"}, "code_0": {"513"}, "debit_0": {"1"}, "code_1": {"101"}, "credit_1": {"1"}}, Status: 403}},
			{"an unbalanced voucher", kuaiji, testkit.Exchange{Method: "POST", Path: "/finance/vouchers?org_id=" + id(ours),
				Form: url.Values{"date": {"2026-11-20"}, "summary": {"购买灯泡"}, "code_0": {"513"}, "debit_0": {"100"}, "code_1": {"101"}, "credit_1": {"90"}}, Status: 422, Has: []string{"相差 10.00 元"}}},
			{"a closed month", kuaiji, testkit.Exchange{Method: "POST", Path: "/finance/vouchers?org_id=" + id(ours),
				Form: url.Values{"date": {"2026-10-20"}, "summary": {"补记"}, "code_0": {"513"}, "debit_0": {"100"}, "code_1": {"101"}, "credit_1": {"100"}}, Status: 422, Has: []string{"2026-10 已结账"}}},
			{"a decision is missing", env.Login(t, "haidanzhuren"), testkit.Exchange{Method: "POST", Path: "/finance/expenditures/" + id(big.ID) + "/approve",
				Form: url.Values{"mode": {"collective"}, "meeting_on": {"2026-11-20"}, "meeting_note": {"两委会议"}}, Status: 422,
				Has: []string{"金额 86,000.00 元超过两委集体审批限额 50,000.00 元，须附经“四议两公开”通过的决议"}}},
			{"fixed assets", jiandu, testkit.Exchange{Path: "/finance/fixed-assets", Status: 200, Has: []string{"村委会办公楼", "农用拖拉机", "累计折旧"}}},
			{"contracts", haidan, testkit.Exchange{Path: "/finance/resource-contracts", Status: 200, Has: []string{"大坝鱼塘", "集体机动地", "正常"}}},
			{"departure audit", admin, testkit.Exchange{Path: "/finance/departure-audit?org_id=" + id(ours) + "&user_id=" + id(env.Town.UserIDs["haidan"]) + "&from=2026-01-01&to=2026-11-26",
				Status: 200, Has: []string{"离任审计", "经手的支出申请", "党群服务中心门窗更换", "本人提出、尚未办结的申请", "任期初"}}},
			{"departure audit in Excel", admin, testkit.Exchange{Path: "/finance/departure-audit.xlsx?org_id=" + id(ours) + "&user_id=" + id(env.Town.UserIDs["haidan"]), Status: 200}},
			{"the village cannot audit its own", haidan, testkit.Exchange{Path: "/finance/departure-audit?org_id=" + id(ours) + "&user_id=" + id(env.Town.UserIDs["haidan"]), Status: 403}},
			{"another village's cadre", admin, testkit.Exchange{Path: "/finance/departure-audit?org_id=" + id(ours) + "&user_id=" + id(env.Town.UserIDs["haiga"]), Status: 404}},
			{"API trial balance", kuaiji, testkit.Exchange{Path: "/api/v1/finance/trial-balance?org_id=" + id(ours), Status: 200, Has: []string{`"balanced":true`}}},
			{"API request in English", haidan, testkit.Exchange{Method: "POST", Path: "/api/v1/finance/expenditures/" + id(big.ID) + "/approve",
				JSON: `{"mode":"signer","meeting_on":null}`, Status: 422, Has: []string{`"rule":"finance.self_approval"`}}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) { c.x.Check(t, c.client) })
		}
	})
}
