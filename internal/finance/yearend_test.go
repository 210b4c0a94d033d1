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

func TestYearEndCarriesIncomeIntoDistribution(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		// 2025: rent 10,000.00, a subsidy 4,000.00, office costs 3,000.00.
		w.voucher(t, w.village.ID, day.New(2025, 3, 5), "102", "501", 10_000_00)
		w.voucher(t, w.village.ID, day.New(2025, 6, 5), "102", "503", 4_000_00)
		w.voucher(t, w.village.ID, day.New(2025, 12, 20), "513", "102", 3_000_00)

		_, err := w.svc.CloseYear(ctx, w.leader, w.village.ID, 2025)
		want.Kind(t, err, apperr.KindForbidden)
		_, err = w.svc.CloseYear(ctx, w.otherLdr, w.village.ID, 2025)
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.CloseYear(ctx, w.kuaiji, w.village.ID, 2026)
		want.Rule(t, err, "finance.year_not_ended", "2026-12-31")
		_, err = w.svc.CloseYear(ctx, w.kuaiji, w.other.ID, 2024)
		want.Rule(t, err, "finance.year_empty", "2024")

		ye, err := w.svc.CloseYear(ctx, w.kuaiji, w.village.ID, 2025)
		want.OK(t, err)
		if ye.Net != 11_000_00 || ye.Voucher.Status != finance.VoucherPosted || ye.Voucher.Date != day.New(2025, 12, 31) || len(ye.Voucher.Lines) != 4 {
			t.Fatalf("year end %+v", ye)
		}
		_, err = w.svc.CloseYear(ctx, w.kuaiji, w.village.ID, 2025)
		want.Rule(t, err, "finance.year_closed", "2025")

		tb, err := w.svc.TrialBalance(ctx, w.kuaiji, w.village.ID, "2025-01", "2025-12")
		want.OK(t, err)
		if !tb.Balanced || row(t, tb, "501").Closing != 0 || row(t, tb, "513").Closing != 0 || row(t, tb, "322").Closing != -11_000_00 {
			t.Fatalf("after the year end: 501 %+v 322 %+v", row(t, tb, "501"), row(t, tb, "322"))
		}
		bs, err := w.svc.BalanceSheet(ctx, w.jiandu, w.village.ID, "2025-12")
		want.OK(t, err)
		if !bs.Balanced {
			t.Fatalf("balance sheet %+v", bs)
		}
		// The income statement still shows the year's income, and no
		// distribution: carrying is not distributing.
		is, err := w.svc.IncomeStatement(ctx, w.jiandu, w.village.ID, "2025-12")
		want.OK(t, err)
		got := map[string]finance.StatementLine{}
		for _, l := range is.Lines {
			got[l.Name] = l
		}
		if got["净收益"].Second != 11_000_00 || got["本期收益分配"].Second != 0 || got["减：管理费用"].First != 3_000_00 {
			t.Fatalf("income statement %+v", is.Lines)
		}

		// A closed December takes no closing voucher.
		w.voucher(t, w.other.ID, day.New(2025, 3, 5), "102", "501", 1_000_00)
		for _, p := range []string{"2025-03", "2025-12"} {
			_, err = w.svc.ClosePeriod(ctx, w.kuaiji, w.other.ID, p)
			want.OK(t, err)
		}
		_, err = w.svc.CloseYear(ctx, w.kuaiji, w.other.ID, 2025)
		want.Rule(t, err, "finance.period_closed", "2025-12")
	})
}
