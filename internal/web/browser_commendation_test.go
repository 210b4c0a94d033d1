package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/testkit"
)

// The town's 组织委员 runs 大坪's commendation of this year through its
// four steps in the browser: a step out of order is refused, a list over
// the quota is refused with the count and the cap, and the result says
// that 党务公开 is not part of this system yet.
func TestBrowserCommendationSteps(t *testing.T) {
	chromiumPath(t)
	env := testkit.Start(t, testkit.SQLite(t))
	ctx := browser(t, 1366, 900)
	base := env.Server.URL
	login(t, ctx, base, "admin")
	village := env.Town.Villages["大坪"]
	do(t, ctx,
		chromedp.Navigate(base+"/commendations"),
		chromedp.WaitVisible(chromedp.CSS(`#commendation-start`)),
		chromedp.SetValue(chromedp.CSS(`#org_id`), fmt.Sprint(village.ID)),
		chromedp.Click(chromedp.CSS(`#commendation-start button`)),
		chromedp.WaitVisible(chromedp.CSS(`#step-form`)),
	)
	var members, quota int
	if err := env.DB.QueryRow(`SELECT members_n, quota FROM commendations WHERE org_id = $1 AND year = 2026`, village.ID).Scan(&members, &quota); err != nil {
		t.Fatal(err)
	}
	if q := text(t, ctx, `#quota-line`); q != fmt.Sprintf("党员 %d 人，表彰名额最多 %d 人", members, quota) || quota != members/5 {
		t.Fatalf("quota line %q (%d members, quota %d)", q, members, quota)
	}
	// submit sends a step with the first n members of the list ticked.
	submit := func(step, n, expected, present, votes int, wait string) {
		t.Helper()
		do(t, ctx,
			chromedp.SetValue(chromedp.CSS(`#step`), fmt.Sprint(step)),
			chromedp.SetValue(chromedp.CSS(`#expected`), fmt.Sprint(expected)),
			chromedp.SetValue(chromedp.CSS(`#present`), fmt.Sprint(present)),
			chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelectorAll('#candidates tr[data-member]').forEach((tr, i) => {
				tr.querySelector('input[type=checkbox]').checked = i < %d;
				tr.querySelector('input[name^=votes_]').value = i < %d ? '%d' : '' })`, n, n, votes)),
			chromedp.Click(chromedp.CSS(`#step-save`)),
			chromedp.WaitVisible(chromedp.CSS(wait)),
		)
	}
	alert := func(want string) {
		t.Helper()
		if msg := text(t, ctx, `.alert`); !strings.Contains(msg, want) {
			t.Fatalf("alert %q lacks %q", msg, want)
		}
	}
	// The assembly before the branch meetings: refused.
	submit(4, 3, members, members-5, members-10, `.alert`)
	alert("下一步是“支部会议民主评议”，不能先进行“党总支全体党员大会民主评选”")
	// Step 1: more than the quota may be reviewed.
	submit(1, quota+6, members, members-5, members-10, `#step-1`)
	// Step 2: one over the quota is refused with the numbers.
	submit(2, quota+1, 9, 8, 7, `.alert`)
	alert(fmt.Sprintf("党员 %d 人，表彰名额最多 %d 人（党员总数的 20%%，向下取整），本步名单 %d 人", members, quota, quota+1))
	submit(2, quota, 9, 8, 7, `#step-2`)
	submit(3, quota, 7, 7, 7, `#step-3`)
	submit(4, quota-1, members, members-5, members-10, `#step-4`)
	if n := evaluate[int](t, ctx, `document.querySelectorAll('#step-4 tr').length - 1`); n != quota-1 {
		t.Fatalf("%d elected, want %d", n, quota-1)
	}
	if s := text(t, ctx, `#result-state`); !strings.Contains(s, "评选结果已提交党务公开") {
		t.Fatalf("result state %q", s)
	}
	if evaluate[bool](t, ctx, `!!document.querySelector('#step-form')`) {
		t.Fatal("a finished commendation still offers a step")
	}
}
