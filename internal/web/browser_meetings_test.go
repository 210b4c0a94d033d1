package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/demo"
	"dangjian/internal/testkit"
)

// evaluate runs a JavaScript expression in the page and returns its value.
func evaluate[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// text is the visible text of the element a CSS selector finds.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(v)
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// wider reports whether the page is wider than the phone's screen.
const wider = `document.documentElement.scrollWidth > window.innerWidth + 1`

// A branch secretary opens the overdue list on a phone, sees that this
// month's 支委会 of 民家一组 is due, records one with attendance through
// the form, and sees the list shrink.
func TestBrowserMeetings(t *testing.T) {
	chromiumPath(t)
	t.Run("sqlite", func(t *testing.T) {
		mt := startMeetingTown(t, testkit.SQLite(t))
		ctx := browser(t, 390, 844)
		base := mt.Server.URL
		roster := mt.roster(t, mt.minjia)
		committeeRow := fmt.Sprintf(`#overdue-table tr[data-org="%d"][data-kind="committee"]`, mt.minjia)
		rows := `document.querySelectorAll('#overdue-table tr[data-kind]').length`
		hasCommittee := `!!document.querySelector('` + committeeRow + `')`

		do(t, ctx,
			chromedp.Navigate(base+"/login"),
			chromedp.WaitVisible(chromedp.CSS(`#username`)),
			chromedp.SendKeys(chromedp.CSS(`#username`), "minjia1"),
			chromedp.SendKeys(chromedp.CSS(`#password`), demo.DemoPassword),
			chromedp.Submit(chromedp.CSS(`#password`)),
			chromedp.WaitVisible(chromedp.CSS(`header.top .tools form`)),
			chromedp.Navigate(base+"/overdue"),
			chromedp.WaitVisible(chromedp.CSS(`#overdue-table`)),
		)
		before := evaluate[int](t, ctx, rows)
		if !evaluate[bool](t, ctx, hasCommittee) || before == 0 {
			t.Fatalf("民家一组's 支委会 is not on the overdue list (%d rows)", before)
		}
		if evaluate[bool](t, ctx, wider) {
			t.Fatal("the overdue list is wider than a phone screen")
		}

		// Follow the row's link to the form and fill in the attendance:
		// two committee members present, one absent with a reason.
		do(t, ctx,
			chromedp.Click(chromedp.CSS(committeeRow+` a.record`)),
			chromedp.WaitVisible(chromedp.CSS(`#meeting-form`)),
		)
		if evaluate[bool](t, ctx, wider) {
			t.Fatal("the meeting form is wider than a phone screen")
		}
		steps := []chromedp.Action[chromedp.Void]{
			chromedp.SendKeys(chromedp.CSS(`#topic`), "研究发展党员和冬季农民夜校"),
			chromedp.SendKeys(chromedp.CSS(`#place`), "民家一组党员活动室"),
		}
		for i, m := range roster {
			v := ""
			switch {
			case i < 2:
				v = "present"
			case i == 2:
				v = "absent"
				steps = append(steps, chromedp.SendKeys(chromedp.CSS(fmt.Sprintf("#reason_%d", m.MemberID)), "外出务工"))
			}
			steps = append(steps, chromedp.SetValue(chromedp.CSS(fmt.Sprintf("#att_%d", m.MemberID)), v))
		}
		steps = append(steps,
			chromedp.Click(chromedp.CSS(`#meeting-save`)),
			chromedp.WaitVisible(chromedp.CSS(`#meeting-topic`)),
		)
		do(t, ctx, steps...)
		if topic, exp, pres := text(t, ctx, `#meeting-topic`), text(t, ctx, `#expected`), text(t, ctx, `#present`); !strings.Contains(topic, "研究发展党员") || exp != "3" || pres != "2" {
			t.Fatalf("recorded %q with 应到 %q 实到 %q", topic, exp, pres)
		}

		do(t, ctx,
			chromedp.Navigate(base+"/overdue"),
			chromedp.WaitVisible(chromedp.CSS(`#overdue-table`)),
		)
		after := evaluate[int](t, ctx, rows)
		if evaluate[bool](t, ctx, hasCommittee) || after != before-1 {
			t.Fatalf("the overdue list went from %d to %d rows; 支委会 still listed: %v", before, after, evaluate[bool](t, ctx, hasCommittee))
		}
	})
}
