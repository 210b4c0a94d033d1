package web_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/day"
	"dangjian/internal/demo"
	"dangjian/internal/finance"
	"dangjian/internal/testkit"
)

// passedDecisions stands in for 四议两公开: decision 77 of 海丹 passed for
// 90,000.00 元.
type passedDecisions struct{ village int64 }

func (p passedDecisions) PassedDecision(ctx context.Context, tx *sql.Tx, id int64) (finance.Decision, bool, error) {
	if id != 77 {
		return finance.Decision{}, false, nil
	}
	return finance.Decision{ID: 77, OrgID: p.village, Title: "村组道路硬化（三期）", AmountFen: 90_000_00,
		DecidedOn: day.New(2026, 11, 10)}, true, nil
}

// An expenditure goes through each route on a phone: 一支笔 for 12,000,
// the 两委 with their meeting for 30,000, and with a passed 四议两公开
// decision for 60,000; the village leader who asks cannot approve, the
// signer cannot approve alone above the limit, nor the 两委 without the
// decision. The supervision committee reviews and the town agent pays,
// which posts the voucher.
func TestBrowserExpenditureRoutes(t *testing.T) {
	chromiumPath(t)
	env := testkit.Start(t, testkit.SQLite(t))
	haidan := env.Town.Villages["海丹"]
	env.Svc.Finance.Decisions = passedDecisions{village: haidan.ID}
	ctx := browser(t, 390, 844)
	base := env.Server.URL
	alert := func(t *testing.T) string {
		t.Helper()
		if !evaluate[bool](t, ctx, `!!document.querySelector('.alert')`) {
			t.Fatalf("no refusal shown; status %q", text(t, ctx, `#request-status`))
		}
		return text(t, ctx, `.alert`)
	}
	fill := func(t *testing.T, form string, fields [][2]string) {
		t.Helper()
		fillForm(t, ctx, form, fields, "#request-status")
	}
	as := func(t *testing.T, user string) { t.Helper(); loginAs(t, ctx, base, user) }
	meeting := [][2]string{{"mode", "collective"}, {"meeting_on", "2026-11-24"}, {"meeting_note", "两委联席会议，应到 7 人，实到 7 人，一致同意"}}
	for _, c := range []struct {
		amount, route string
		refuse        [][2]string // what the second leader tries first
		refusal       string
		approve       [][2]string
	}{
		{"12000", "一支笔审批", nil, "", [][2]string{{"mode", "signer"}}},
		{"30000", "两委集体审批", [][2]string{{"mode", "signer"}}, "金额 30,000.00 元超过一支笔审批限额 20,000.00 元，须两委集体审批", meeting},
		{"60000", "四议两公开决议", meeting, "金额 60,000.00 元超过两委集体审批限额 50,000.00 元，须附经“四议两公开”通过的决议",
			append(append([][2]string{}, meeting...), [2]string{"decision_id", "77"})},
	} {
		t.Run(c.amount, func(t *testing.T) {
			as(t, "haidan")
			do(t, ctx, chromedp.Navigate(base+"/finance/expenditures/new"), chromedp.WaitVisible(chromedp.CSS(`#request-form`)))
			do(t, ctx,
				chromedp.SendKeys(chromedp.CSS(`#purpose`), "村组道路维修 "+c.amount),
				chromedp.SendKeys(chromedp.CSS(`#payee`), "富源县大河建筑队"),
				chromedp.SendKeys(chromedp.CSS(`#amount`), c.amount),
				chromedp.SetValue(chromedp.CSS(`#expense_account_code`), "514"),
				chromedp.Click(chromedp.CSS(`#request-form button`)),
				chromedp.WaitVisible(chromedp.CSS(`#request-status`)),
			)
			if got := text(t, ctx, `#request-route`); got != c.route {
				t.Fatalf("route %q, want %q", got, c.route)
			}
			url := evaluate[string](t, ctx, `location.href`)

			// The requester cannot approve their own request.
			fill(t, "approve-form", [][2]string{{"mode", "signer"}})
			if a := alert(t); !strings.Contains(a, "本人不能审批") {
				t.Fatalf("self-approval refused with %q", a)
			}
			as(t, "haidanzhuren")
			do(t, ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`#approve-form`)))
			if c.refuse != nil {
				fill(t, "approve-form", c.refuse)
				if a := alert(t); !strings.Contains(a, c.refusal) {
					t.Fatalf("refused with %q, want %q", a, c.refusal)
				}
			}
			fill(t, "approve-form", c.approve)
			if s := text(t, ctx, `#request-status`); s != "待监督委员会审核" {
				t.Fatalf("after approval the status is %q", s)
			}
			as(t, "jiandu")
			do(t, ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`#review-form`)))
			fill(t, "review-form", [][2]string{{"note", "票据齐全，同意支付"}})
			as(t, "kuaiji")
			do(t, ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`#pay-form`)))
			fill(t, "pay-form", [][2]string{{"account_code", "102"}})
			if s := text(t, ctx, `#request-status`); s != "已支付" {
				t.Fatalf("after payment the status is %q", s)
			}
			do(t, ctx, chromedp.Click(chromedp.CSS(`#request-voucher`)), chromedp.WaitVisible(chromedp.CSS(`#voucher-status`)))
			if s := text(t, ctx, `#voucher-status`); s != "已记账" {
				t.Fatalf("the payment's voucher is %q", s)
			}
		})
	}
	tb, err := env.Svc.Finance.TrialBalance(t.Context(), nil, haidan.ID, "", "")
	if err != nil || !tb.Balanced {
		t.Fatalf("trial balance after the payments: %v %+v", err, tb.Totals)
	}
}

// loginAs logs in as another demo user over the current session; the wait
// is for the page after the login, not the one before it.
func loginAs(t *testing.T, ctx context.Context, base, user string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS(`#username`)))
	evaluate[bool](t, ctx, `(document.body.dataset.old = "1") === "1"`)
	do(t, ctx,
		chromedp.SendKeys(chromedp.CSS(`#username`), user),
		chromedp.SendKeys(chromedp.CSS(`#password`), demo.DemoPassword),
		chromedp.Submit(chromedp.CSS(`#password`)),
		chromedp.WaitVisible(chromedp.CSS(`body:not([data-old]) header.top .tools form`)),
	)
}

// fillForm sets a form's fields, sends it and waits for the page it leads
// to (the one showing then, not the one before), which must fit the phone.
func fillForm(t *testing.T, ctx context.Context, form string, fields [][2]string, then string) {
	t.Helper()
	// Mark the page, so the wait below is for the answer's page.
	evaluate[bool](t, ctx, `(document.body.dataset.old = "1") === "1"`)
	var steps []chromedp.Action[chromedp.Void]
	for _, f := range fields {
		steps = append(steps, chromedp.SetValue(chromedp.CSS("#"+form+" [name="+f[0]+"]"), f[1]))
	}
	steps = append(steps, chromedp.Click(chromedp.CSS("#"+form+" button")),
		chromedp.WaitVisible(chromedp.CSS(`body:not([data-old]) `+then)))
	do(t, ctx, steps...)
	if evaluate[bool](t, ctx, wider) {
		t.Fatalf("the page after %s is wider than a phone", form)
	}
}
