package finance_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/disclosure"
	"dangjian/internal/finance"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// books puts a small plausible year into the village: capital, a
// subsidy, rent, wages accrued and paid, a road repair, a fixed asset.
func (w *world) books(t testing.TB) {
	t.Helper()
	o := w.village.ID
	w.voucher(t, o, day.New(2026, 1, 2), "102", "301", 300_000_00)
	w.voucher(t, o, day.New(2026, 3, 10), "102", "503", 120_000_00)
	w.voucher(t, o, day.New(2026, 4, 1), "102", "501", 36_000_00)
	w.voucher(t, o, day.New(2026, 6, 30), "513", "212", 18_000_00)
	w.voucher(t, o, day.New(2026, 7, 5), "212", "102", 18_000_00)
	w.voucher(t, o, day.New(2026, 8, 15), "514", "102", 42_500_50)
	w.voucher(t, o, day.New(2026, 9, 1), "151", "102", 80_000_00)
	w.voucher(t, o, day.New(2026, 10, 31), "513", "152", 1_333_33)
	w.voucher(t, o, day.New(2026, 10, 8), "101", "102", 2_000_00)
}

func TestStatementsBalance(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.books(t)
		bs, err := w.svc.BalanceSheet(ctx, w.jiandu, w.village.ID, "2026-10")
		want.OK(t, err)
		if !bs.Balanced {
			t.Fatalf("balance sheet does not balance: %+v", bs)
		}
		total := bs.Assets[len(bs.Assets)-1]
		// 300,000 + 120,000 + 36,000 − 18,000 − 42,500.50 − 1,333.33 (the
		// depreciation is an expense and nets the asset).
		if total.Second != 394_166_17 {
			t.Fatalf("total assets %v", total.Second)
		}
		is, err := w.svc.IncomeStatement(ctx, w.jiandu, w.village.ID, "2026-10")
		want.OK(t, err)
		got := map[string]finance.StatementLine{}
		for _, l := range is.Lines {
			got[l.Name] = l
		}
		if got["经营收益"].Second != 36_000_00-18_000_00-1_333_33 || got["净收益"].Second != 36_000_00-18_000_00-1_333_33+120_000_00-42_500_50 {
			t.Fatalf("income statement %+v", is.Lines)
		}
		if got["减：管理费用"].First != 1_333_33 {
			t.Fatalf("October's 管理费用 %v", got["减：管理费用"].First)
		}
	})
}

func TestReconciliationListsDifferences(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.books(t)
		// The ledger says 313,499.50 in the bank at the end of October;
		// the statement says 313,479.50, with a deposit in transit of
		// 100.00 and a 120.00 fee not yet booked.
		in := finance.NewReconciliation{OrgID: w.village.ID, AccountCode: "102", Period: "2026-10", Statement: 313_479_50,
			Items: []finance.ReconcileItem{{Description: "在途存款", Amount: 100_00}}}
		r, err := w.svc.Reconcile(ctx, w.kuaiji, in)
		want.OK(t, err)
		if r.Ledger != 313_499_50 || r.Difference != 20_00 || r.Unexplained != -80_00 || r.Reconciled() {
			t.Fatalf("reconciliation %+v", r)
		}
		in.Items = append(in.Items, finance.ReconcileItem{Description: "银行手续费未入账", Amount: -80_00})
		r, err = w.svc.Reconcile(ctx, w.kuaiji, in)
		want.OK(t, err)
		if !r.Reconciled() || len(r.Items) != 2 {
			t.Fatalf("reconciliation %+v", r)
		}
		all, err := w.svc.Reconciliations(ctx, w.leader, w.village.ID, "2026-10")
		want.OK(t, err)
		if len(all) != 2 || all[0].AccountCode != "101" || all[0].Recorded || !all[1].Reconciled() {
			t.Fatalf("month's reconciliations %+v", all)
		}
		_, err = w.svc.Reconcile(ctx, w.leader, in)
		want.Kind(t, err, apperr.KindForbidden)
	})
}

// fakeDrafter keeps what it was handed.
type fakeDrafter struct{ got []disclosure.Draft }

func (f *fakeDrafter) Draft(ctx context.Context, tx *sql.Tx, a *auth.Actor, d disclosure.Draft) (int64, error) {
	f.got = append(f.got, d)
	return int64(len(f.got)), nil
}

func TestMonthlyDisclosureFromTheBooks(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.books(t)
		_, err := w.svc.DraftMonthlyDisclosure(ctx, w.kuaiji, w.village.ID, "2026-10")
		want.Kind(t, err, apperr.KindConflict) // no 五公开 wired
		f := &fakeDrafter{}
		w.svc.Drafter = f
		_, err = w.svc.DraftMonthlyDisclosure(ctx, w.kuaiji, w.village.ID, "2026-10")
		want.Rule(t, err, "finance.disclosure_open_period", "2026-10")
		for _, p := range []string{"2026-01", "2026-03", "2026-04", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"} {
			_, err := w.svc.ClosePeriod(ctx, w.kuaiji, w.village.ID, p)
			want.OK(t, err)
		}
		id, err := w.svc.DraftMonthlyDisclosure(ctx, w.kuaiji, w.village.ID, "2026-10")
		want.OK(t, err)
		dr := f.got[0]
		if id != 1 || dr.Category != disclosure.Finance || dr.Period != "2026-10" || dr.OrgID != w.village.ID ||
			dr.Source != "finance.month:"+itoa(w.village.ID)+":2026-10" {
			t.Fatalf("draft %+v", dr)
		}
		for _, s := range []string{"513 管理费用 | 1,333.33 | 19,333.33", "102 银行存款 | 315,499.50 | 313,499.50", "四、大额支出及审批"} {
			if !strings.Contains(dr.Body, s) {
				t.Fatalf("body lacks %q:\n%s", s, dr.Body)
			}
		}
	})
}

// A large payment shows with its approvals in its month's disclosure.
func TestDisclosureListsLargeItems(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.fund(t, 200_000_00)
		f := &fakeDrafter{}
		w.svc.Drafter = f
		w.decs.byID[3] = finance.Decision{ID: 3, OrgID: w.village.ID, Title: "村道硬化工程", AmountFen: 80_000_00}
		r := w.request(t, 60_000_00)
		_, err := w.svc.ApproveRequest(ctx, w.leader2, r.ID, finance.Approval{Mode: finance.RouteCollective,
			MeetingOn: day.New(2026, 11, 20), MeetingNote: "两委会议一致同意", DecisionID: 3})
		want.OK(t, err)
		_, err = w.svc.ReviewRequest(ctx, w.jiandu, r.ID, "")
		want.OK(t, err)
		_, err = w.svc.PayRequest(ctx, w.kuaiji, r.ID, finance.Payment{})
		want.OK(t, err)
		w.clock.T = w.clock.T.AddDate(0, 1, 0)
		_, err = w.svc.ClosePeriod(ctx, w.kuaiji, w.village.ID, "2026-11")
		want.OK(t, err)
		_, err = w.svc.DraftMonthlyDisclosure(ctx, w.kuaiji, w.village.ID, "2026-11")
		want.OK(t, err)
		if !strings.Contains(f.got[0].Body, "2026-11-26 | 村道维修 | 大河建筑队 | 60,000.00 | 两委集体审批（2026-11-20 会议）；四议两公开决议《村道硬化工程》；监督委员会审核：jiandu") {
			t.Fatalf("large item missing:\n%s", f.got[0].Body)
		}
	})
}
