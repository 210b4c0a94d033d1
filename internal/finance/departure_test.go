package finance_test

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"bytes"
	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/finance"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

func TestDepartureAuditOfACadre(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.fund(t, 100_000_00)
		paid := w.request(t, 3_000_00)
		_, err := w.svc.ApproveRequest(ctx, w.leader2, paid.ID, finance.Approval{Mode: finance.RouteSigner})
		want.OK(t, err)
		_, err = w.svc.ReviewRequest(ctx, w.jiandu, paid.ID, "")
		want.OK(t, err)
		_, err = w.svc.PayRequest(ctx, w.kuaiji, paid.ID, finance.Payment{})
		want.OK(t, err)
		open := w.request(t, 4_000_00)
		_, err = w.svc.AddAsset(ctx, w.kuaiji, finance.NewAsset{OrgID: w.village.ID, Name: "投影仪", Category: finance.AssetNonOperating,
			Location: "村委会", AcquiredOn: day.New(2024, 1, 5), Original: 6_000_00, LifeMonths: 60, Custodian: "shuji"})
		want.OK(t, err)
		_, err = w.svc.AddContract(ctx, w.kuaiji, finance.NewContract{OrgID: w.village.ID, ResourceName: "鱼塘", ResourceKind: "water",
			Area: "5 亩", Counterparty: "李四", StartsOn: day.New(2025, 1, 1), EndsOn: day.New(2028, 1, 1), AnnualRent: 2_000_00, SignerName: "shuji"})
		want.OK(t, err)

		_, err = w.svc.DepartureAudit(ctx, w.leader2, w.village.ID, w.leader.UserID, day.New(2026, 1, 1), day.New(2026, 11, 26))
		want.Kind(t, err, apperr.KindForbidden)
		da, err := w.svc.DepartureAudit(ctx, w.admin, w.village.ID, w.leader.UserID, day.New(2026, 1, 1), day.New(2026, 11, 26))
		want.OK(t, err)
		if len(da.Requests) != 2 || da.Requests[0].Role != "requested" || len(da.Open) != 1 || da.Open[0].ID != open.ID ||
			len(da.Assets) != 1 || len(da.Contracts) != 1 || !da.Balance.Balanced {
			t.Fatalf("audit of the secretary: %+v", da)
		}
		if r := row(t, da.Balance, "102"); r.Opening != 0 || r.Closing != 97_000_00 {
			t.Fatalf("bank at the term's start %v and end %v", r.Opening, r.Closing)
		}
		da2, err := w.svc.DepartureAudit(ctx, w.kuaiji, w.village.ID, w.leader2.UserID, day.New(2026, 1, 1), day.New(2026, 11, 26))
		want.OK(t, err)
		if len(da2.Requests) != 1 || da2.Requests[0].Role != "approved" || len(da2.Open) != 0 {
			t.Fatalf("audit of the director: %+v", da2.Requests)
		}
		b, err := finance.DepartureAuditXLSX(da, func(s string) string { return s }, func(s string) string { return s }, func(s string) string { return s })
		want.OK(t, err)
		x, err := excelize.OpenReader(bytes.NewReader(b))
		want.OK(t, err)
		rows, err := x.GetRows("经手支出")
		want.OK(t, err)
		if len(rows) != 3 || rows[1][2] != "村道维修" {
			t.Fatalf("sheet 经手支出: %v", rows)
		}
	})
}
