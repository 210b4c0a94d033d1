package web_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/finance"
	"dangjian/internal/testkit"
)

// A 清查 on a phone: the town agent opens it for 海丹, the secretary
// finds the tractor damaged and cannot approve his own finding, the
// 村委会主任 approves its repair, and the agent closes the count once
// every item is counted.
func TestBrowserCountCampaign(t *testing.T) {
	chromiumPath(t)
	env := testkit.Start(t, testkit.SQLite(t))
	haidan := env.Town.Villages["海丹"]
	ctx := browser(t, 390, 844)
	base := env.Server.URL
	as := func(t *testing.T, user string) { t.Helper(); loginAs(t, ctx, base, user) }
	// submit fills a form of the report and waits for the report again.
	submit := func(t *testing.T, form string, fields [][2]string) {
		t.Helper()
		fillForm(t, ctx, form, fields, "#count-state")
	}
	alert := func(t *testing.T, want string) {
		t.Helper()
		if !evaluate[bool](t, ctx, `!!document.querySelector('.alert')`) || !strings.Contains(text(t, ctx, `.alert`), want) {
			t.Fatalf("no refusal %q shown", want)
		}
	}

	as(t, "kuaiji")
	do(t, ctx, chromedp.Navigate(base+"/finance/counts?org_id="+strconv.FormatInt(haidan.ID, 10)), chromedp.WaitVisible(chromedp.CSS(`#count-form`)))
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`#count_name`), "2026 年度三资清查"), chromedp.Click(chromedp.CSS(`#count-form button`)),
		chromedp.WaitVisible(chromedp.CSS(`#count-state`)))
	report := evaluate[string](t, ctx, `location.href`)
	cs, err := env.Svc.Finance.Counts(t.Context(), nil, haidan.ID)
	if err != nil || len(cs) != 1 {
		t.Fatalf("counts %v %+v", err, cs)
	}
	c, err := env.Svc.Finance.CountReport(t.Context(), nil, cs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var tractor finance.CountLine
	for _, l := range c.Lines {
		if strings.HasPrefix(l.ItemName, "农用拖拉机") {
			tractor = l
		}
	}
	rec, res := "record-"+strconv.FormatInt(tractor.ID, 10), "resolve-"+strconv.FormatInt(tractor.ID, 10)

	as(t, "haidan")
	do(t, ctx, chromedp.Navigate(report), chromedp.WaitVisible(chromedp.CSS("#"+rec)))
	submit(t, rec, [][2]string{{"found_value", "15000"}})
	if !strings.Contains(text(t, ctx, "#"+rec), "须说明原因") {
		t.Fatalf("a discrepancy without its reason: %q", text(t, ctx, "#"+rec))
	}
	submit(t, rec, [][2]string{{"found_value", "15000"}, {"note", "发动机损坏，无法启动"}})
	shot(t, ctx, "phone-count.png")
	submit(t, res, [][2]string{{"resolution", "送修"}})
	alert(t, "本人不能批准处理")

	as(t, "kuaiji")
	do(t, ctx, chromedp.Navigate(report), chromedp.WaitVisible(chromedp.CSS(`#count-close`)))
	submit(t, "count-close", nil)
	alert(t, "尚未盘点")
	for _, l := range c.Lines {
		if l.ID != tractor.ID {
			if _, err := env.Svc.Finance.RecordCount(t.Context(), env.ActorFor(t, "haidanzhuren"), l.ID,
				finance.CountResult{FoundQty: l.BookQty, FoundValue: l.BookValue}); err != nil {
				t.Fatal(err)
			}
		}
	}
	do(t, ctx, chromedp.Navigate(report), chromedp.WaitVisible(chromedp.CSS(`#count-close`)))
	submit(t, "count-close", nil)
	alert(t, "还有 1 项盘点差异未经批准处理")

	as(t, "haidanzhuren")
	do(t, ctx, chromedp.Navigate(report), chromedp.WaitVisible(chromedp.CSS("#"+res)))
	submit(t, res, [][2]string{{"resolution", "经两委会议研究，送农机站维修"}})
	as(t, "kuaiji")
	do(t, ctx, chromedp.Navigate(report), chromedp.WaitVisible(chromedp.CSS(`#count-close`)))
	submit(t, "count-close", nil)
	if s := text(t, ctx, `#count-state`); s != "已结束" {
		t.Fatalf("after closing the count is %q", s)
	}
	if got := text(t, ctx, `#count-gaps`); !strings.Contains(got, "发动机损坏") || !strings.Contains(got, "送农机站维修") {
		t.Fatalf("the report's discrepancies: %q", got)
	}
}
