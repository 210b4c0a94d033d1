package finance_test

import (
	"bytes"
	"image"
	"image/jpeg"
	"sync"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/files"
	"dangjian/internal/finance"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// fund puts money in the village's bank account.
func (w *world) fund(t testing.TB, amount finance.Fen) {
	t.Helper()
	w.voucher(t, w.village.ID, day.New(2026, 11, 1), "102", "503", amount)
}

// request files a request with a photo of its invoice.
func (w *world) request(t testing.TB, amount finance.Fen) finance.Request {
	t.Helper()
	var b bytes.Buffer
	jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 40, 30)), nil)
	invoice, err := files.Prepare("receipts", "发票.jpg", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.svc.CreateRequest(ctx, w.leader, finance.NewRequest{OrgID: w.village.ID, Purpose: "村道维修", Payee: "大河建筑队",
		Amount: amount, ExpenseCode: "514", Documents: "维修合同、验收单", Receipts: []files.Upload{invoice}})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRequestRoutesByAmount(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.fund(t, 500_000_00)
		meeting := finance.Approval{Mode: finance.RouteCollective, MeetingOn: day.New(2026, 11, 20), MeetingNote: "两委会议，7 人到会，一致同意"}

		// Up to the signer's limit: 一支笔, never by the requester.
		small := w.request(t, 20_000_00)
		if small.Route != finance.RouteSigner {
			t.Fatalf("20,000.00 routes %s", small.Route)
		}
		_, err := w.svc.ApproveRequest(ctx, w.leader, small.ID, finance.Approval{Mode: finance.RouteSigner})
		want.Rule(t, err, "finance.self_approval", "shuji")
		r, err := w.svc.ApproveRequest(ctx, w.leader2, small.ID, finance.Approval{Mode: finance.RouteSigner})
		want.OK(t, err)
		_, err = w.svc.ReviewRequest(ctx, w.leader2, r.ID, "")
		want.Kind(t, err, apperr.KindForbidden)
		r, err = w.svc.ReviewRequest(ctx, w.jiandu, r.ID, "票据齐全")
		want.OK(t, err)
		r, err = w.svc.PayRequest(ctx, w.kuaiji, r.ID, finance.Payment{AccountCode: "102", Attachments: 2})
		want.OK(t, err)
		if r.Status != finance.StatusPaid || r.VoucherID == 0 || len(r.Events) != 4 {
			t.Fatalf("paid request %+v", r)
		}
		v, err := w.svc.Voucher(ctx, w.leader, r.VoucherID)
		want.OK(t, err)
		if v.Status != finance.VoucherPosted || v.Total != 20_000_00 || v.Lines[0].AccountCode != "514" || v.Lines[1].AccountCode != "102" {
			t.Fatalf("payment voucher %+v", v)
		}
		if len(v.Receipts) != 1 || v.Receipts[0].Name != "发票.jpg" { // the request's documents, entered once
			t.Fatalf("the payment's voucher shows receipts %+v", v.Receipts)
		}

		// Above it: the two committees at a recorded meeting.
		mid := w.request(t, 52_000_00-2_000_00)
		_, err = w.svc.ApproveRequest(ctx, w.leader2, mid.ID, finance.Approval{Mode: finance.RouteSigner})
		e := want.Rule(t, err, "finance.signer_limit")
		if zh, _ := want.Messages(e); zh != "金额 50,000.00 元超过一支笔审批限额 20,000.00 元，须两委集体审批。" {
			t.Fatalf("message %q", zh)
		}
		_, err = w.svc.ApproveRequest(ctx, w.leader2, mid.ID, finance.Approval{Mode: finance.RouteCollective})
		want.Rule(t, err, "finance.meeting_required")
		r, err = w.svc.ApproveRequest(ctx, w.leader2, mid.ID, meeting)
		want.OK(t, err)
		if r.MeetingOn != meeting.MeetingOn || r.ApprovalMode != finance.RouteCollective {
			t.Fatalf("collective approval %+v", r)
		}

		// Above the collective limit: a passed decision of this village
		// covering the amount.
		big := w.request(t, 52_000_00)
		if big.Route != finance.RouteDecision {
			t.Fatalf("52,000.00 routes %s", big.Route)
		}
		_, err = w.svc.ApproveRequest(ctx, w.leader2, big.ID, finance.Approval{Mode: finance.RouteSigner})
		want.Rule(t, err, "finance.signer_limit", "金额 52,000.00 元超过一支笔审批限额 20,000.00 元，须两委集体审批")
		_, err = w.svc.ApproveRequest(ctx, w.leader2, big.ID, meeting)
		want.Rule(t, err, "finance.decision_required", "52,000.00", "50,000.00")
		w.decs.byID[7] = finance.Decision{ID: 7, OrgID: w.other.ID, Title: "海戛村道硬化", AmountFen: 90_000_00}
		w.decs.byID[8] = finance.Decision{ID: 8, OrgID: w.village.ID, Title: "海丹村道维修", AmountFen: 51_000_00}
		w.decs.byID[9] = finance.Decision{ID: 9, OrgID: w.village.ID, Title: "海丹村道硬化", AmountFen: 60_000_00}
		withDecision := func(id int64) finance.Approval { m := meeting; m.DecisionID = id; return m }
		_, err = w.svc.ApproveRequest(ctx, w.leader2, big.ID, withDecision(6))
		want.Rule(t, err, "finance.decision_not_passed", "6")
		_, err = w.svc.ApproveRequest(ctx, w.leader2, big.ID, withDecision(7))
		want.Rule(t, err, "finance.decision_not_passed", "7")
		_, err = w.svc.ApproveRequest(ctx, w.leader2, big.ID, withDecision(8))
		want.Rule(t, err, "finance.decision_amount", "51,000.00", "52,000.00")
		r, err = w.svc.ApproveRequest(ctx, w.leader2, big.ID, withDecision(9))
		want.OK(t, err)
		if r.DecisionID != 9 || r.DecisionTitle != "海丹村道硬化" {
			t.Fatalf("decision not kept: %+v", r)
		}

		// Without the 四议两公开 programme no request above the limit passes.
		w.svc.Decisions = nil
		big2 := w.request(t, 60_000_00)
		_, err = w.svc.ApproveRequest(ctx, w.leader2, big2.ID, withDecision(9))
		want.Rule(t, err, "finance.decision_required")
	})
}

func TestNobodyActsOnTheirOwnRequest(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.fund(t, 100_000_00)
		// A supervisor who is also the agent is still one person: give
		// the agent a supervisor's binding over the village.
		both := *w.kuaiji
		both.Bindings = append(both.Bindings, auth.Binding{Role: auth.RoleSupervisor, OrgID: w.village.ID, OrgPath: w.village.Path})
		r := w.request(t, 1_000_00)
		_, err := w.svc.ApproveRequest(ctx, w.leader2, r.ID, finance.Approval{Mode: finance.RouteSigner})
		want.OK(t, err)
		_, err = w.svc.ReviewRequest(ctx, &both, r.ID, "")
		want.OK(t, err)
		_, err = w.svc.PayRequest(ctx, &both, r.ID, finance.Payment{})
		want.Rule(t, err, "finance.self_payment")
		_, err = w.svc.RejectRequest(ctx, w.kuaiji2, r.ID, "")
		want.Field(t, err, "note", "error.required")
		_, err = w.svc.PayRequest(ctx, w.kuaiji2, r.ID, finance.Payment{})
		want.OK(t, err)

		// Rejected and withdrawn requests keep their history.
		r2 := w.request(t, 2_000_00)
		r2, err = w.svc.RejectRequest(ctx, w.leader2, r2.ID, "无预算")
		want.OK(t, err)
		r3 := w.request(t, 3_000_00)
		r3, err = w.svc.WithdrawRequest(ctx, w.leader, r3.ID, "重复申请")
		want.OK(t, err)
		for _, x := range []finance.Request{r2, r3} {
			got, err := w.svc.Request(ctx, w.jiandu, x.ID)
			want.OK(t, err)
			if len(got.Events) != 2 || got.Events[1].Note == "" || got.Open() {
				t.Fatalf("history of %s: %+v", got.Status, got.Events)
			}
			_, err = w.svc.ApproveRequest(ctx, w.leader2, x.ID, finance.Approval{Mode: finance.RouteSigner})
			want.Kind(t, err, apperr.KindConflict)
		}
		// The other village's leader sees none of it.
		_, err = w.svc.Request(ctx, w.otherLdr, r.ID)
		want.Kind(t, err, apperr.KindNotFound)
		list, err := w.svc.ListRequests(ctx, w.kuaiji, finance.RequestFilter{OrgID: w.town.ID})
		want.OK(t, err)
		if len(list) != 3 {
			t.Fatalf("the town lists %d requests", len(list))
		}
	})
}

func TestPayingNeedsFunds(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.fund(t, 1_000_00)
		r := w.request(t, 1_500_00)
		_, err := w.svc.ApproveRequest(ctx, w.leader2, r.ID, finance.Approval{Mode: finance.RouteSigner})
		want.OK(t, err)
		_, err = w.svc.ReviewRequest(ctx, w.jiandu, r.ID, "")
		want.OK(t, err)
		_, err = w.svc.PayRequest(ctx, w.kuaiji, r.ID, finance.Payment{AccountCode: "102"})
		want.Rule(t, err, "finance.insufficient_funds", "1,000.00", "1,500.00")
		// Nothing of the failed payment is left: no voucher, still reviewed.
		got, err := w.svc.Request(ctx, w.kuaiji, r.ID)
		want.OK(t, err)
		vs, err := w.svc.ListVouchers(ctx, w.kuaiji, finance.VoucherFilter{OrgID: w.village.ID})
		want.OK(t, err)
		if got.Status != finance.StatusReviewed || len(vs) != 1 {
			t.Fatalf("a refused payment left %s and %d vouchers", got.Status, len(vs))
		}
	})
}

// Two approvals, and two payments, of one request racing each other:
// exactly one wins, the other is told the request moved on.
func TestRacingStepsOneWins(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.fund(t, 100_000_00)
		r := w.request(t, 5_000_00)
		race := func(step func(a *auth.Actor) error, actors ...*auth.Actor) {
			t.Helper()
			errs := make([]error, len(actors))
			var wg sync.WaitGroup
			start := make(chan struct{})
			for i, a := range actors {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					errs[i] = step(a)
				}()
			}
			close(start)
			wg.Wait()
			won := 0
			for _, err := range errs {
				if err == nil {
					won++
				} else if apperr.KindOf(err) != apperr.KindConflict {
					t.Fatalf("the loser got %v", err)
				}
			}
			if won != 1 {
				t.Fatalf("%d of %d racing steps won: %v", won, len(actors), errs)
			}
		}
		other := *w.leader2
		other.UserID = w.otherLdr.UserID // a third leader of the village
		other.Bindings = w.leader2.Bindings
		race(func(a *auth.Actor) error {
			_, err := w.svc.ApproveRequest(ctx, a, r.ID, finance.Approval{Mode: finance.RouteSigner})
			return err
		}, w.leader2, &other, w.leader2)
		_, err := w.svc.ReviewRequest(ctx, w.jiandu, r.ID, "")
		want.OK(t, err)
		race(func(a *auth.Actor) error {
			_, err := w.svc.PayRequest(ctx, a, r.ID, finance.Payment{})
			return err
		}, w.kuaiji, w.kuaiji2, w.kuaiji, w.kuaiji2)
		vs, err := w.svc.ListVouchers(ctx, w.kuaiji, finance.VoucherFilter{OrgID: w.village.ID})
		want.OK(t, err)
		tb, err := w.svc.TrialBalance(ctx, w.kuaiji, w.village.ID, "", "2026-11")
		want.OK(t, err)
		if len(vs) != 2 || row(t, tb, "102").Closing != 95_000_00 {
			t.Fatalf("%d vouchers, bank %v after racing payments", len(vs), row(t, tb, "102").Closing)
		}
	})
}
