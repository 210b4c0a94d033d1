package finance_test

import (
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/finance"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

func TestChartIsTheStandardOne(t *testing.T) {
	if len(finance.Chart) != 42 {
		t.Fatalf("the 2023 system has 42 accounts, the chart %d", len(finance.Chart))
	}
	seen := map[string]bool{}
	for _, c := range finance.Chart {
		if seen[c.Code] || len(c.Code) != 3 {
			t.Errorf("code %q repeated or not three digits", c.Code)
		}
		seen[c.Code] = true
	}
}

func TestVouchersBalanceAndPost(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		on := day.New(2026, 11, 3)
		_, err := w.svc.CreateVoucher(ctx, w.kuaiji, finance.NewVoucher{OrgID: w.village.ID, Date: on, Summary: "收到补助",
			Lines: []finance.NewLine{{AccountCode: "102", Debit: 100_000_00}, {AccountCode: "503", Credit: 99_999_99}}})
		want.Rule(t, err, "finance.voucher_unbalanced", "借方合计 100,000.00 元", "贷方合计 99,999.99 元", "相差 0.01 元")

		_, err = w.svc.CreateVoucher(ctx, w.kuaiji, finance.NewVoucher{OrgID: w.village.ID, Date: on, Summary: "x",
			Lines: []finance.NewLine{{AccountCode: "999", Debit: 1}, {AccountCode: "503", Credit: 1}}})
		want.Field(t, err, "lines.0.account_code", "finance.account_unknown")

		// A village leader reads the books but keeps none; another village's
		// leader does not see them at all.
		_, err = w.svc.CreateVoucher(ctx, w.leader, finance.NewVoucher{OrgID: w.village.ID, Date: on, Summary: "x"})
		want.Kind(t, err, apperr.KindForbidden)
		_, err = w.svc.TrialBalance(ctx, w.otherLdr, w.village.ID, "", "")
		want.Kind(t, err, apperr.KindNotFound)

		v := w.voucher(t, w.village.ID, on, "102", "503", 100_000_00)
		if v.Status != finance.VoucherPosted || v.Number != 1 || v.Label() != "2026-11-1" {
			t.Fatalf("posted voucher %+v", v)
		}
		v2 := w.voucher(t, w.village.ID, day.New(2026, 11, 5), "513", "102", 1_234_56)
		if v2.Number != 2 {
			t.Fatalf("second voucher of the month is number %d", v2.Number)
		}
		_, err = w.svc.PostVoucher(ctx, w.kuaiji, v.ID)
		want.Kind(t, err, apperr.KindConflict)
		_, err = w.svc.UpdateVoucher(ctx, w.kuaiji, v.ID, finance.NewVoucher{OrgID: w.village.ID, Date: on, Summary: "改",
			Lines: []finance.NewLine{{AccountCode: "102", Debit: 1}, {AccountCode: "503", Credit: 1}}})
		want.Kind(t, err, apperr.KindConflict)

		tb, err := w.svc.TrialBalance(ctx, w.leader, w.village.ID, "2026-01", "2026-11")
		want.OK(t, err)
		if !tb.Balanced || tb.Totals.Debit != 101_234_56 {
			t.Fatalf("trial balance %+v", tb.Totals)
		}
		bank := row(t, tb, "102")
		if bank.Closing != 100_000_00-1_234_56 {
			t.Fatalf("bank closes at %v", bank.Closing)
		}
		l, err := w.svc.Ledger(ctx, w.leader, bank.AccountID, "2026-11", "2026-11")
		want.OK(t, err)
		if len(l.Entries) != 2 || l.Closing != bank.Closing || l.Entries[1].Balance != bank.Closing {
			t.Fatalf("ledger %+v", l)
		}
		j, err := w.svc.Journal(ctx, w.leader, finance.JournalFilter{OrgID: w.village.ID, Period: "2026-11"})
		want.OK(t, err)
		if len(j) != 2 || j[0].Number != 1 || len(j[0].Lines) != 2 {
			t.Fatalf("journal %+v", j)
		}
	})
}

func row(t testing.TB, tb finance.TrialBalance, code string) finance.TrialRow {
	t.Helper()
	for _, r := range tb.Rows {
		if r.Code == code {
			return r
		}
	}
	t.Fatalf("no account %s", code)
	return finance.TrialRow{}
}

func TestSubAccountsRollUp(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		_, err := w.svc.AddAccount(ctx, w.kuaiji, finance.NewAccount{OrgID: w.village.ID, ParentCode: "102", Code: "10301", Name: "农行"})
		want.Field(t, err, "code", "finance.account_code")
		_, err = w.svc.AddAccount(ctx, w.kuaiji, finance.NewAccount{OrgID: w.village.ID, ParentCode: "102", Code: "10201", Name: "农行基本户"})
		want.OK(t, err)
		_, err = w.svc.AddAccount(ctx, w.kuaiji, finance.NewAccount{OrgID: w.village.ID, ParentCode: "102", Code: "10202", Name: "信用社"})
		want.OK(t, err)
		_, err = w.svc.CreateVoucher(ctx, w.kuaiji, finance.NewVoucher{OrgID: w.village.ID, Date: day.New(2026, 11, 2), Summary: "x",
			Lines: []finance.NewLine{{AccountCode: "102", Debit: 1}, {AccountCode: "503", Credit: 1}}})
		want.Field(t, err, "lines.0.account_code", "finance.account_not_leaf")
		w.voucher(t, w.village.ID, day.New(2026, 11, 2), "10201", "503", 500_00)
		w.voucher(t, w.village.ID, day.New(2026, 11, 3), "10202", "10201", 200_00)
		tb, err := w.svc.TrialBalance(ctx, w.kuaiji, w.village.ID, "", "2026-11")
		want.OK(t, err)
		if r := row(t, tb, "102"); r.Closing != 500_00 || r.Debit != 700_00 || r.Credit != 200_00 {
			t.Fatalf("102 rolls up to %+v", r)
		}
		if !tb.Balanced {
			t.Fatalf("unbalanced %+v", tb.Totals)
		}
		bank := row(t, tb, "102")
		l, err := w.svc.Ledger(ctx, w.kuaiji, bank.AccountID, "", "2026-11")
		want.OK(t, err)
		if len(l.Entries) != 3 || l.Closing != 500_00 {
			t.Fatalf("the parent's ledger shows its sub-accounts' lines: %+v", l)
		}
		_, err = w.svc.AddAccount(ctx, w.kuaiji, finance.NewAccount{OrgID: w.village.ID, ParentCode: "503", Code: "50301", Name: "x"})
		want.Rule(t, err, "finance.account_in_use", "503", "1 笔")
	})
}

func TestClosedPeriodIsLocked(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		oct := day.New(2026, 10, 20)
		w.voucher(t, w.village.ID, day.New(2026, 9, 20), "102", "503", 50_00)
		w.voucher(t, w.village.ID, oct, "102", "503", 100_00)
		draft, err := w.svc.CreateVoucher(ctx, w.kuaiji, finance.NewVoucher{OrgID: w.village.ID, Date: oct, Summary: "未记",
			Lines: []finance.NewLine{{AccountCode: "513", Debit: 10_00}, {AccountCode: "101", Credit: 10_00}}})
		want.OK(t, err)

		_, err = w.svc.ClosePeriod(ctx, w.kuaiji, w.village.ID, "2026-11")
		want.Rule(t, err, "finance.period_not_ended", "2026-11-30")
		_, err = w.svc.ClosePeriod(ctx, w.kuaiji, w.village.ID, "2026-10")
		want.Rule(t, err, "finance.period_order", "2026-09")
		_, err = w.svc.ClosePeriod(ctx, w.kuaiji, w.village.ID, "2026-09")
		want.OK(t, err)
		_, err = w.svc.ClosePeriod(ctx, w.kuaiji, w.village.ID, "2026-10")
		want.Rule(t, err, "finance.period_drafts", "1 张")
		_, err = w.svc.PostVoucher(ctx, w.kuaiji, draft.ID)
		want.OK(t, err)
		p, err := w.svc.ClosePeriod(ctx, w.kuaiji, w.village.ID, "2026-10")
		want.OK(t, err)
		if p.Vouchers != 2 || p.ClosedAt == nil {
			t.Fatalf("closed %+v", p)
		}
		before, err := w.svc.TrialBalance(ctx, w.kuaiji, w.village.ID, "2026-01", "2026-10")
		want.OK(t, err)

		// Nothing dated in October can be added, changed or posted.
		_, err = w.svc.CreateVoucher(ctx, w.kuaiji, finance.NewVoucher{OrgID: w.village.ID, Date: oct, Summary: "补记",
			Lines: []finance.NewLine{{AccountCode: "513", Debit: 1}, {AccountCode: "101", Credit: 1}}})
		want.Rule(t, err, "finance.period_closed", "2026-10")
		nov, err := w.svc.CreateVoucher(ctx, w.kuaiji, finance.NewVoucher{OrgID: w.village.ID, Date: day.New(2026, 11, 2), Summary: "更正",
			Lines: []finance.NewLine{{AccountCode: "513", Debit: 1}, {AccountCode: "101", Credit: 1}}})
		want.OK(t, err)
		_, err = w.svc.UpdateVoucher(ctx, w.kuaiji, nov.ID, finance.NewVoucher{OrgID: w.village.ID, Date: oct, Summary: "移入",
			Lines: []finance.NewLine{{AccountCode: "513", Debit: 1}, {AccountCode: "101", Credit: 1}}})
		want.Rule(t, err, "finance.period_closed", "2026-10")
		_, err = w.svc.ClosePeriod(ctx, w.kuaiji, w.village.ID, "2026-10")
		want.Kind(t, err, apperr.KindConflict)

		after, err := w.svc.TrialBalance(ctx, w.kuaiji, w.village.ID, "2026-01", "2026-10")
		want.OK(t, err)
		if after.Totals != before.Totals {
			t.Fatalf("a closed month changed: %+v → %+v", before.Totals, after.Totals)
		}
	})
}
