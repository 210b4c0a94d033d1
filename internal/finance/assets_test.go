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

func TestDepreciationByTheMonth(t *testing.T) {
	// 120,000.00 less 5 % over 10 years: 950.00 a month, from the month
	// after acquisition, never beyond the residual value.
	acq := day.New(2025, 3, 20)
	for _, c := range []struct {
		through day.Day
		want    finance.Fen
	}{
		{day.New(2025, 3, 31), 0},
		{day.New(2025, 4, 30), 950_00},
		{day.New(2026, 3, 31), 12 * 950_00},
		{day.New(2035, 3, 31), 114_000_00},
		{day.New(2040, 1, 31), 114_000_00},
	} {
		m, got := finance.Depreciation(120_000_00, 5, 120, acq, c.through)
		if m != 950_00 || got != c.want {
			t.Errorf("through %s: monthly %v accumulated %v, want %v", c.through, m, got, c.want)
		}
	}
}

func TestAssetDisposalNeedsAnotherApprover(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		x, err := w.svc.AddAsset(ctx, w.kuaiji, finance.NewAsset{OrgID: w.village.ID, Name: "村委会办公楼", Category: finance.AssetNonOperating,
			Location: "海丹村委会", AcquiredOn: day.New(2016, 5, 1), Original: 380_000_00, LifeMonths: 240, Custodian: "海丹村委会"})
		want.OK(t, err)
		if x.Accumulated != 1_504_16*125 || x.NetValue != 380_000_00-1_504_16*125 {
			t.Fatalf("depreciation to October 2026: %+v", x)
		}
		_, err = w.svc.AddAsset(ctx, w.leader, finance.NewAsset{OrgID: w.village.ID})
		want.Kind(t, err, apperr.KindForbidden)
		x, err = w.svc.RequestDisposal(ctx, w.leader, x.ID, "危房，拆除重建", 5_000_00)
		want.OK(t, err)
		_, err = w.svc.ApproveDisposal(ctx, w.leader, x.ID)
		want.Rule(t, err, "finance.self_approval", "shuji")
		x, err = w.svc.ApproveDisposal(ctx, w.leader2, x.ID)
		want.OK(t, err)
		if x.Status != finance.AssetDisposed || x.ApproverName != "zhuren" {
			t.Fatalf("disposed %+v", x)
		}
		list, err := w.svc.Assets(ctx, w.jiandu, w.village.ID, 0, 0)
		want.OK(t, err)
		if len(list) != 1 || list[0].Accumulated != 1_504_16*126 {
			t.Fatalf("the disposal's month is charged, no later one: %+v", list)
		}
		_, err = w.svc.Assets(ctx, w.otherLdr, w.village.ID, 0, 0)
		want.Kind(t, err, apperr.KindNotFound)
	})
}

func TestContractsWarnAndPostRent(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		// Today is 2026-11-26.
		pond, err := w.svc.AddContract(ctx, w.kuaiji, finance.NewContract{OrgID: w.village.ID, ResourceName: "大坝鱼塘", ResourceKind: "water",
			Area: "12 亩", Counterparty: "李正华", StartsOn: day.New(2024, 3, 1), EndsOn: day.New(2027, 2, 15),
			AnnualRent: 6_000_00, SignerName: "shuji"})
		want.OK(t, err)
		if pond.Due != 18_000_00 || pond.Arrears != 18_000_00 || !pond.Expiring || pond.DaysLeft != 81 {
			t.Fatalf("pond %+v", pond)
		}
		_, err = w.svc.AddContract(ctx, w.kuaiji, finance.NewContract{OrgID: w.village.ID, ResourceName: "后山林地", ResourceKind: "forest",
			Area: "300 亩", Counterparty: "海丹林业合作社", StartsOn: day.New(2020, 1, 1), EndsOn: day.New(2035, 1, 1),
			AnnualRent: 15_000_00, SignerName: "shuji"})
		want.OK(t, err)
		pond, err = w.svc.RecordRent(ctx, w.kuaiji, pond.ID, 12_000_00)
		want.OK(t, err)
		if pond.Arrears != 6_000_00 {
			t.Fatalf("arrears after paying two years: %+v", pond)
		}
		list, err := w.svc.Contracts(ctx, w.leader, w.village.ID)
		want.OK(t, err)
		if len(list) != 2 || list[0].ResourceName != "大坝鱼塘" || list[1].Expiring || list[1].Arrears != 7*15_000_00 {
			t.Fatalf("contracts %+v", list)
		}
		tb, err := w.svc.TrialBalance(ctx, w.kuaiji, w.village.ID, "", "")
		want.OK(t, err)
		if row(t, tb, "501").Credit != 12_000_00 || row(t, tb, "102").Debit != 12_000_00 {
			t.Fatalf("the rent was not posted: %+v", tb.Totals)
		}
	})
}
