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

// countWorld is 海丹 with a tractor and a pond in its registers and a
// campaign opened on 2026-11-01.
func countWorld(t *testing.T, w *world) finance.Count {
	t.Helper()
	_, err := w.svc.AddAsset(ctx, w.kuaiji, finance.NewAsset{OrgID: w.village.ID, Name: "农用拖拉机", Category: finance.AssetOperating,
		Location: "村集体仓库", AcquiredOn: day.New(2022, 4, 1), Original: 68_000_00, LifeMonths: 120, Custodian: "村集体经济合作社"})
	want.OK(t, err)
	_, err = w.svc.AddContract(ctx, w.kuaiji, finance.NewContract{OrgID: w.village.ID, ResourceName: "大坝鱼塘", ResourceKind: "water",
		Area: "12 亩", Counterparty: "李正华", StartsOn: day.New(2024, 3, 1), EndsOn: day.New(2027, 2, 15), AnnualRent: 6_000_00, SignerName: "shuji"})
	want.OK(t, err)
	c, err := w.svc.OpenCount(ctx, w.kuaiji, finance.NewCount{OrgID: w.village.ID, Name: "2026 年度三资清查", StartsOn: day.New(2026, 11, 1)})
	want.OK(t, err)
	if c.Items != 2 || c.State != finance.CountOpen {
		t.Fatalf("opened %+v", c)
	}
	return c
}

func TestCountCampaignRules(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		c := countWorld(t, w)
		c, err := w.svc.CountReport(ctx, w.jiandu, c.ID)
		want.OK(t, err)
		tractor, pond := c.Lines[0], c.Lines[1]
		// 68,000.00 less 5 % over 120 months: 538.33 a month, 54 months from May 2022 to October 2026.
		if tractor.Kind != finance.ItemAsset || tractor.BookQty != 1 || tractor.BookValue != 68_000_00-538_33*54 || pond.Kind != finance.ItemResource {
			t.Fatalf("book figures %+v %+v", tractor, pond)
		}

		// A discrepancy needs its explanation; the agent does not count.
		_, err = w.svc.RecordCount(ctx, w.leader, tractor.ID, finance.CountResult{FoundQty: 1, FoundValue: 20_000_00})
		want.Field(t, err, "note", "count.explanation")
		_, err = w.svc.RecordCount(ctx, w.kuaiji, tractor.ID, finance.CountResult{FoundQty: 1, FoundValue: tractor.BookValue})
		want.Kind(t, err, apperr.KindForbidden)
		tractor, err = w.svc.RecordCount(ctx, w.leader, tractor.ID, finance.CountResult{FoundQty: 1, FoundValue: 20_000_00, Note: "发动机损坏，无法启动"})
		want.OK(t, err)
		if !tractor.Discrepancy {
			t.Fatalf("no discrepancy: %+v", tractor)
		}
		_, err = w.svc.CloseCount(ctx, w.kuaiji, c.ID)
		want.Rule(t, err, "count.uncounted", "1")
		_, err = w.svc.RecordCount(ctx, w.leader2, pond.ID, finance.CountResult{FoundQty: 1})
		want.OK(t, err)

		// Close is refused while the discrepancy is open, saying how many.
		e := want.Rule(t, err2(w.svc.CloseCount(ctx, w.kuaiji, c.ID)), "count.unresolved", "1")
		if zh, _ := want.Messages(e); zh != "还有 1 项盘点差异未经批准处理（共 1 项差异），清查不能结束。" {
			t.Fatalf("message %q", zh)
		}
		// Nobody approves the resolution of what they recorded.
		_, err = w.svc.ResolveDiscrepancy(ctx, w.leader, tractor.ID, "报废处理")
		want.Rule(t, err, "count.self_approval", "shuji", "农用拖拉机")
		_, err = w.svc.ResolveDiscrepancy(ctx, w.leader2, pond.ID, "无")
		want.Kind(t, err, apperr.KindConflict)
		tractor, err = w.svc.ResolveDiscrepancy(ctx, w.leader2, tractor.ID, "经两委会议研究，送修后继续使用")
		want.OK(t, err)
		if tractor.ResolverName != "zhuren" || tractor.ResolvedAt == nil {
			t.Fatalf("resolved %+v", tractor)
		}
		c, err = w.svc.CloseCount(ctx, w.kuaiji, c.ID)
		want.OK(t, err)
		if c.State != finance.CountClosed || c.Discrepancies != 1 || c.Unresolved != 0 || c.CloserName != "kuaiji" {
			t.Fatalf("closed %+v", c)
		}
		// A closed campaign is kept as it is.
		_, err = w.svc.RecordCount(ctx, w.leader, pond.ID, finance.CountResult{FoundQty: 0, Note: "x"})
		want.Kind(t, err, apperr.KindConflict)
		_, err = w.svc.CloseCount(ctx, w.kuaiji, c.ID)
		want.Kind(t, err, apperr.KindConflict)

		// In the departure audit of the term.
		da, err := w.svc.DepartureAudit(ctx, w.admin, w.village.ID, w.leader.UserID, day.New(2026, 1, 1), day.New(2026, 11, 26))
		want.OK(t, err)
		if len(da.Counts) != 1 || da.Counts[0].Discrepancies != 1 || da.Counts[0].Items != 2 {
			t.Fatalf("counts in the audit: %+v", da.Counts)
		}
		da, err = w.svc.DepartureAudit(ctx, w.admin, w.village.ID, w.leader.UserID, day.New(2025, 1, 1), day.New(2025, 12, 31))
		want.OK(t, err)
		if len(da.Counts) != 0 {
			t.Fatalf("a campaign outside the term: %+v", da.Counts)
		}
	})
}

func TestCountScope(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		c := countWorld(t, w)
		c, err := w.svc.CountReport(ctx, w.leader, c.ID)
		want.OK(t, err)
		line := c.Lines[0]
		_, err = w.svc.CountReport(ctx, w.otherLdr, c.ID)
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.Counts(ctx, w.otherLdr, w.village.ID)
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.RecordCount(ctx, w.otherLdr, line.ID, finance.CountResult{FoundQty: 1, FoundValue: line.BookValue})
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.ResolveDiscrepancy(ctx, w.otherLdr, line.ID, "x")
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.CloseCount(ctx, w.otherLdr, c.ID)
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.OpenCount(ctx, w.otherLdr, finance.NewCount{OrgID: w.village.ID, Name: "x", StartsOn: w.today()})
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.OpenCount(ctx, w.leader, finance.NewCount{OrgID: w.village.ID, Name: "x", StartsOn: w.today()})
		want.Kind(t, err, apperr.KindForbidden)
		_, err = w.svc.OpenCount(ctx, w.kuaiji, finance.NewCount{OrgID: w.village.ID, Name: "x", StartsOn: w.today().AddDays(1)})
		want.Field(t, err, "starts_on", "finance.date_future")
		list, err := w.svc.Counts(ctx, w.jiandu, w.village.ID)
		want.OK(t, err)
		if len(list) != 1 || list[0].Items != 2 || list[0].Counted != 0 {
			t.Fatalf("list %+v", list)
		}
	})
}

func TestTownSigners(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		_, err := w.svc.SetSigner(ctx, w.admin, w.village.ID, w.leader2.UserID)
		want.OK(t, err)
		_, err = w.svc.SetSigner(ctx, w.admin, w.village.ID, w.leader.UserID)
		want.OK(t, err)
		vs, hist, err := w.svc.TownSigners(ctx, w.admin, w.town.ID)
		want.OK(t, err)
		if len(vs) != 2 || vs[0].Signer.Name != "shuji" || len(vs[0].Candidates) != 2 || len(vs[1].Candidates) != 1 {
			t.Fatalf("signers %+v", vs)
		}
		if len(hist) != 2 || hist[0].Before != "zhuren" || hist[0].After != "shuji" || hist[0].By != "admin" {
			t.Fatalf("history %+v", hist)
		}
		_, _, err = w.svc.TownSigners(ctx, w.leader, w.town.ID)
		want.Kind(t, err, apperr.KindNotFound)
	})
}

func err2[T any](_ T, err error) error { return err }

// A discrepancy recorded while the campaign is being closed either lands
// first, and the close is refused, or finds the campaign closed: a closed
// campaign never holds an unresolved discrepancy.
func TestCountCloseRacesARecording(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		countWorld(t, w)
		for i := 0; i < 8; i++ {
			c, err := w.svc.OpenCount(ctx, w.kuaiji, finance.NewCount{OrgID: w.village.ID, Name: "清查 " + itoa(int64(i)), StartsOn: w.today()})
			want.OK(t, err)
			c, err = w.svc.CountReport(ctx, w.kuaiji, c.ID)
			want.OK(t, err)
			for _, l := range c.Lines {
				_, err := w.svc.RecordCount(ctx, w.leader, l.ID, finance.CountResult{FoundQty: l.BookQty, FoundValue: l.BookValue})
				want.OK(t, err)
			}
			errs := make(chan error, 2)
			go func() {
				_, err := w.svc.RecordCount(ctx, w.leader, c.Lines[0].ID, finance.CountResult{FoundQty: 0, Note: "未找到"})
				errs <- err
			}()
			go func() { _, err := w.svc.CloseCount(ctx, w.kuaiji, c.ID); errs <- err }()
			e1, e2 := <-errs, <-errs
			c, err = w.svc.CountReport(ctx, w.kuaiji, c.ID)
			want.OK(t, err)
			if c.State == finance.CountClosed && c.Unresolved != 0 {
				t.Fatalf("closed with %d unresolved (%v, %v)", c.Unresolved, e1, e2)
			}
			if (e1 == nil) == (e2 == nil) {
				t.Fatalf("exactly one of the two should win: %v, %v", e1, e2)
			}
		}
	})
}
