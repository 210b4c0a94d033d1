package demo

import (
	"context"
	"fmt"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/finance"
	"dangjian/internal/services"
)

// The finance demo: every village's books for the twelve months up to
// this one, kept by the town's agent — the books taken over at the start,
// monthly pay of the village cadres, quarterly 村级组织运转经费 subsidies,
// land and pond rents twice a year, an 一事一议 project funded by the
// villagers and the county's 奖补 and then built, cash drawn for the
// office, 慰问 of households in difficulty, depreciation of the village
// office building and bank interest — with every month but this one
// closed. 海丹 and 海戛 have expenditure requests on each part of their
// way and a reconciled last month.
func init() { register("finance", loadFinance) }

// Second leaders and a supervisor of 海戛, so requests can be approved
// and reviewed by someone other than their requester.
var financeAccounts = []Account{
	{"haidanzhuren", "海丹村委会主任", auth.RoleVillageLeader, "海丹"},
	{"haigazhuren", "海戛村委会主任", auth.RoleVillageLeader, "海戛"},
	{"haigajiandu", "海戛村务监督委员会", auth.RoleSupervisor, "海戛"},
}

// The finance accounts join the demo log-ins; a village's first leader
// account is its secretary, these keep their own names.
func init() { Accounts = append(Accounts, financeAccounts...) }

func loadFinance(ctx context.Context, svc services.Services, t *Town) error {
	fin := svc.Finance
	today := day.Today(svc.Clock)
	for i, v := range Villages {
		o := t.Villages[v.Name]
		year := villageYear(i, today)
		if _, err := fin.PostVouchers(ctx, nil, o.ID, year); err != nil {
			return fmt.Errorf("demo books of %s: %w", v.Name, err)
		}
		if err := villageRegisters(ctx, fin, o.ID, i, today); err != nil {
			return fmt.Errorf("demo registers of %s: %w", v.Name, err)
		}
		for k := 11; k >= 1; k-- {
			if _, err := fin.ClosePeriod(ctx, nil, o.ID, finance.PeriodOf(today.AddMonths(-k))); err != nil {
				return fmt.Errorf("demo close of %s: %w", v.Name, err)
			}
		}
	}
	if err := financeRequests(ctx, fin, t, "海丹", "haidan", "haidanzhuren", "jiandu", true); err != nil {
		return err
	}
	if err := financeRequests(ctx, fin, t, "海戛", "haiga", "haigazhuren", "haigajiandu", false); err != nil {
		return err
	}
	return financeReconcile(ctx, fin, t, today)
}

// villageYear is a village's twelve months of vouchers up to today;
// figures vary by village so no two villages' books are alike.
func villageYear(i int, today day.Day) []finance.NewVoucher {
	var out []finance.NewVoucher
	first := today.AddMonths(-11)
	first = day.New(first.Year(), first.Month(), 1)
	add := func(on day.Day, summary string, lines ...finance.NewLine) {
		if on.After(today) {
			return
		}
		out = append(out, finance.NewVoucher{Date: on, Summary: summary, Attachments: 1, Lines: lines})
	}
	dr := func(code string, f finance.Fen) finance.NewLine { return finance.NewLine{AccountCode: code, Debit: f} }
	cr := func(code string, f finance.Fen) finance.NewLine { return finance.NewLine{AccountCode: code, Credit: f} }
	bank := finance.Fen(150_000_00 + i*7_300_00)
	building := finance.Fen(380_000_00 + i*12_000_00)
	add(first, "期初建账：接收上年账面余额", dr("102", bank), dr("101", 2_000_00), dr("151", building),
		cr("311", 60_000_00), cr("301", bank+2_000_00+building-60_000_00))
	pay := finance.Fen(12_600_00 + i*100_00)
	rent := finance.Fen(28_000_00 + i*1_000_00)
	households := finance.Fen(300 + i*17)
	for k := 0; k < 12; k++ {
		m := first.AddMonths(k)
		on := func(d int) day.Day { return day.New(m.Year(), m.Month(), d) }
		add(on(5), "计提村组干部报酬", dr("513", pay), cr("212", pay))
		add(on(8), "提取备用金", dr("101", 1_500_00), cr("102", 1_500_00))
		add(on(10), "发放村组干部报酬", dr("212", pay), cr("102", pay))
		if k%3 == 1 {
			add(on(12), "收到村级组织运转经费补助", dr("102", 45_000_00), cr("503", 45_000_00))
		}
		if k == 2 || k == 8 {
			add(on(15), "收到土地、鱼塘承包费", dr("102", rent), cr("501", rent))
		}
		if k == 3 {
			add(on(18), "收到一事一议筹资（每户 50 元）", dr("102", households*50_00), cr("231", households*50_00))
		}
		if k == 4 {
			add(on(6), "收到一事一议财政奖补资金", dr("102", 40_000_00), cr("231", 40_000_00))
		}
		if k == 6 {
			add(on(22), "一事一议项目支出：村组道路硬化", dr("231", 55_000_00), cr("102", 55_000_00))
		}
		if k == 0 || k == 8 {
			add(on(25), "慰问五保户、困难户", dr("514", 3_600_00), cr("102", 3_600_00))
		}
		add(on(20), "购买办公用品、报刊", dr("513", finance.Fen(860_00+(k*3700+i*900)%40000)), cr("101", finance.Fen(860_00+(k*3700+i*900)%40000)))
		add(on(26), "银行存款利息", dr("102", finance.Fen(3_520+k*37)), cr("504", finance.Fen(3_520+k*37)))
		dep := building * 95 / 100 / 240
		add(on(28), "计提办公楼折旧", dr("513", dep), cr("152", dep))
	}
	return out
}

// villageRegisters enters the village office (the building of the
// opening balance) and two contracts: a pond let for three years and
// farmland for ten, rent paid to date except where a village is in
// arrears (every fifth) or a contract is about to end (every fourth).
func villageRegisters(ctx context.Context, fin *finance.Service, orgID int64, i int, today day.Day) error {
	if _, err := fin.AddAsset(ctx, nil, finance.NewAsset{OrgID: orgID, Name: "村委会办公楼", Category: finance.AssetNonOperating,
		Location: "村委会", AcquiredOn: day.New(2016, time.Month(1+i%12), 10), Original: finance.Fen(380_000_00 + i*12_000_00),
		LifeMonths: 240, Custodian: "村委会"}); err != nil {
		return err
	}
	if _, err := fin.AddAsset(ctx, nil, finance.NewAsset{OrgID: orgID, Name: "农用拖拉机", Category: finance.AssetOperating,
		Location: "村集体仓库", AcquiredOn: day.New(2022, 4, 1), Original: 68_000_00, LifeMonths: 120, Custodian: "村集体经济合作社"}); err != nil {
		return err
	}
	rent := finance.Fen(28_000_00 + i*1_000_00)
	pondEnd := today.AddMonths(30)
	if i%4 == 0 {
		pondEnd = today.AddDays(45)
	}
	for _, c := range []finance.NewContract{
		{ResourceName: "大坝鱼塘", ResourceKind: "water", Area: "12 亩", Location: "村东大坝", Counterparty: "养殖户 " + demoNames[i%len(demoNames)],
			StartsOn: pondEnd.AddMonths(-36), EndsOn: pondEnd, AnnualRent: rent},
		{ResourceName: "集体机动地", ResourceKind: "land", Area: "85 亩", Location: "村南坝子", Counterparty: "种植大户 " + demoNames[(i+3)%len(demoNames)],
			StartsOn: day.New(2020, 3, 1), EndsOn: day.New(2030, 2, 28), AnnualRent: rent},
	} {
		c.OrgID, c.SignerName = orgID, "村委会主任"
		due := finance.Fen(0)
		for y := c.StartsOn; !y.After(today) && y.Before(c.EndsOn); y = y.AddMonths(12) {
			due += c.AnnualRent
		}
		c.PaidBefore = due
		if i%5 == 1 && c.ResourceKind == "water" {
			c.PaidBefore = due - c.AnnualRent // a year behind
		}
		if _, err := fin.AddContract(ctx, nil, c); err != nil {
			return err
		}
	}
	return nil
}

var demoNames = []string{"李正华", "王德明", "张国富", "赵永祥", "陈家旺", "刘文才", "杨金贵"}

// financeRequests gives a village requests on each part of their way.
// Approving, reviewing and paying are each done by another person.
func financeRequests(ctx context.Context, fin *finance.Service, t *Town, village, leader, second, supervisor string, full bool) error {
	o := t.Villages[village]
	req, appr, rev, agent := actorOf(t, leader), actorOf(t, second), actorOf(t, supervisor), actorOf(t, "kuaiji")
	ask := func(purpose, payee string, amount finance.Fen, code, docs string) (finance.Request, error) {
		return fin.CreateRequest(ctx, req, finance.NewRequest{OrgID: o.ID, Purpose: purpose, Payee: payee, Amount: amount,
			ExpenseCode: code, Documents: docs})
	}
	r, err := ask("购买办公用品", "大河镇文具店", 3_200_00, "513", "发票 1 张、购物清单")
	if err == nil {
		_, err = fin.ApproveRequest(ctx, appr, r.ID, finance.Approval{Mode: finance.RouteSigner, Note: "同意"})
	}
	if err == nil {
		_, err = fin.ReviewRequest(ctx, rev, r.ID, "票据齐全")
	}
	if err == nil {
		_, err = fin.PayRequest(ctx, agent, r.ID, finance.Payment{AccountCode: finance.CodeBank, Attachments: 2})
	}
	if err == nil {
		_, err = ask("村民活动室屋面维修", "富源县大河建筑队", 38_000_00, "514", "维修方案、预算书")
	}
	if err != nil {
		return fmt.Errorf("demo requests of %s: %w", village, err)
	}
	if !full {
		return nil
	}
	meeting := day.Today(fin.Clock).AddDays(-3)
	r, err = ask("党群服务中心门窗更换", "富源县大河建筑队", 26_500_00, "514", "报价单 3 份")
	if err == nil {
		_, err = fin.ApproveRequest(ctx, appr, r.ID, finance.Approval{Mode: finance.RouteCollective, MeetingOn: meeting,
			MeetingNote: "两委联席会议，应到 7 人，实到 7 人，一致同意"})
	}
	if err == nil {
		_, err = ask("村组道路硬化（二期）", "富源县路桥工程公司", 86_000_00, "153", "设计图、工程预算")
	}
	if err == nil {
		r, err = ask("节日慰问品", "大河镇超市", 1_800_00, "514", "")
	}
	if err == nil {
		_, err = fin.RejectRequest(ctx, appr, r.ID, "本月已安排慰问，不重复采购")
	}
	if err == nil {
		r, err = ask("购买办公用品", "大河镇文具店", 500_00, "513", "")
	}
	if err == nil {
		_, err = fin.WithdrawRequest(ctx, req, r.ID, "与上一笔重复")
	}
	if err != nil {
		return fmt.Errorf("demo requests of %s: %w", village, err)
	}
	return nil
}

// financeReconcile reconciles last month's cash and bank of 海丹 and 海戛:
// the bank statement lacks the month's interest, booked on the 26th.
func financeReconcile(ctx context.Context, fin *finance.Service, t *Town, today day.Day) error {
	last := finance.PeriodOf(today.AddMonths(-1))
	for _, name := range []string{"海丹", "海戛"} {
		o := t.Villages[name]
		recs, err := fin.Reconciliations(ctx, nil, o.ID, last)
		if err != nil {
			return err
		}
		for _, r := range recs {
			in := finance.NewReconciliation{OrgID: o.ID, AccountCode: r.AccountCode, Period: last, Statement: r.Ledger}
			if r.AccountCode == finance.CodeBank {
				interest := finance.Fen(3_520 + 10*37)
				in.Statement -= interest
				in.Items = []finance.ReconcileItem{{Description: "银行利息已入账，对账单次月列示", Amount: interest}}
			}
			if _, err := fin.Reconcile(ctx, nil, in); err != nil {
				return fmt.Errorf("demo reconciliation of %s: %w", name, err)
			}
		}
	}
	return nil
}
