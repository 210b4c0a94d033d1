package web_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/db"
	"dangjian/internal/democracy"
	"dangjian/internal/disclosure"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

// democracyPages are village democracy's pages for the phone walk:
// internal pages for accounts that read democracy, the portal for all.
func democracyPages(t *testing.T, env *testkit.Env, user string, scope org.Org) []string {
	t.Helper()
	village := env.Town.Villages["海丹"]
	var pages []string
	if user != "minjia1" {
		village = scope
		pages = append(pages, "/matters", "/disclosures", "/disclosures?state=published", "/disclosure-overdue", "/feedback",
			fmt.Sprintf("/representatives?org_id=%d", scope.ID))
		var matter, item int64
		_ = env.DB.QueryRow(`SELECT COALESCE(MIN(id), 0) FROM matters WHERE org_id = $1`, scope.ID).Scan(&matter)
		_ = env.DB.QueryRow(`SELECT COALESCE(MAX(id), 0) FROM disclosures WHERE org_id = $1`, scope.ID).Scan(&item)
		if matter == 0 || item == 0 {
			t.Fatalf("no matter or item in %s", scope.Name)
		}
		pages = append(pages, fmt.Sprintf("/matters/%d", matter), fmt.Sprintf("/disclosures/%d", item),
			fmt.Sprintf("/projects?org_id=%d", scope.ID))
		var project int64
		_ = env.DB.QueryRow(`SELECT COALESCE(MIN(id), 0) FROM projects WHERE org_id = $1`, scope.ID).Scan(&project)
		if project != 0 {
			pages = append(pages, fmt.Sprintf("/projects/%d", project))
		}
	}
	var item int64
	var code string
	if err := env.DB.QueryRow(`SELECT id, code FROM disclosures WHERE org_id = $1 AND state = 'published' ORDER BY id LIMIT 1`,
		village.ID).Scan(&item, &code); err != nil {
		t.Fatal(err)
	}
	return append(pages, "/portal/", fmt.Sprintf("/portal/v/%d", village.ID), fmt.Sprintf("/portal/v/%d/items/%d", village.ID, item),
		fmt.Sprintf("/portal/v/%d/feedback", village.ID), "/portal/verify?code="+code)
}

// The town's organisation officer takes a matter of 沙田 through all six
// steps of 四议两公开 with the forms; on the way an out-of-order step and
// a meeting without quorum are refused with the rule's numbers.
func TestBrowserFourDeliberations(t *testing.T) {
	chromiumPath(t)
	env := testkit.Start(t, testkit.SQLite(t))
	ctx := browser(t, 390, 844)
	base := env.Server.URL
	vid := env.Town.Villages["沙田"].ID
	login(t, ctx, base, "admin")
	do(t, ctx,
		chromedp.Navigate(fmt.Sprintf("%s/matters?org_id=%d", base, vid)),
		chromedp.WaitVisible(chromedp.CSS(`#matter-form`)),
		chromedp.SendKeys(chromedp.CSS(`#title`), "修建沙田村饮水池"),
		chromedp.SendKeys(chromedp.CSS(`#amount`), "36000"),
		chromedp.Submit(chromedp.CSS(`#title`)),
		chromedp.WaitVisible(chromedp.CSS(`#step-form`)),
	)
	if got := text(t, ctx, "#matter-title"); !strings.Contains(got, "修建沙田村饮水池") {
		t.Fatalf("matter page: %q", got)
	}
	record := func(fields map[string]string) {
		t.Helper()
		steps := []chromedp.Action[chromedp.Void]{chromedp.WaitVisible(chromedp.CSS(`#step-form`))}
		for name, v := range fields {
			steps = append(steps, chromedp.SetValue(chromedp.CSS(`#step-form [name=`+name+`]`), v))
		}
		do(t, ctx, steps...)
		evaluate[bool](t, ctx, `document.body.dataset.old = "1", true`)
		do(t, ctx, chromedp.Click(chromedp.CSS(`#step-submit`)), chromedp.WaitVisible(chromedp.CSS(`body:not([data-old]) #steps-table`)))
	}
	expected := func() string { return text(t, ctx, "#expected-n") }

	// Out of order: the page's form is for step 1; asking for step 3 is refused.
	record(map[string]string{"step": "3", "present": "1", "yes": "1"})
	if msg := text(t, ctx, ".alert"); !strings.Contains(msg, "第 3 步") || !strings.Contains(msg, "下一步是第 1 步") {
		t.Fatalf("out-of-order refusal: %q", msg)
	}
	for step := 1; step <= 3; step++ {
		n := expected()
		if step == 3 {
			// Without a quorum of the members with a vote: refused with the numbers.
			record(map[string]string{"present": "1", "yes": "1"})
			if msg := text(t, ctx, ".alert"); !strings.Contains(msg, "到会有表决权的党员 1 人，未超过应到 "+n+" 人的半数") {
				t.Fatalf("quorum refusal: %q", msg)
			}
		}
		record(map[string]string{"present": n, "yes": n})
	}
	adults, _ := strconv.Atoi(text(t, ctx, "#expected-villagers"))
	present := strconv.Itoa(adults/2 + 1)
	record(map[string]string{"body": "villagers", "present": present, "yes": present})
	record(map[string]string{"note": "村民会议决议：修建饮水池一座。"})
	record(map[string]string{"note": "饮水池已建成使用。"})
	if got := text(t, ctx, "#matter-state"); got != "已完成" {
		t.Fatalf("matter state %q", got)
	}
	if n := evaluate[int](t, ctx, `document.querySelectorAll('#steps-table a[href^="/disclosures/"]').length`); n != 2 {
		t.Fatalf("%d published steps linked", n)
	}
	if evaluate[bool](t, ctx, wider) {
		t.Fatal("the matter page is wider than a phone")
	}
}

// A villager on a phone, not logged in, reads 海丹's board, checks the
// code printed on a notice, finds it superseded when it was, and leaves
// a message; the notice prints on one A4 page.
func TestBrowserPortalVillager(t *testing.T) {
	chromiumPath(t)
	env := testkit.Start(t, testkit.SQLite(t))
	ctx := browser(t, 390, 844)
	base := env.Server.URL
	vid := env.Town.Villages["海丹"].ID
	do(t, ctx,
		chromedp.Navigate(base+"/portal/"),
		chromedp.WaitVisible(chromedp.CSS(`.portal-villages`)),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`a[href="/portal/v/%d"]`, vid))),
		chromedp.WaitVisible(chromedp.CSS(`#portal-items`)),
	)
	// The category page has the same list as the board it comes from, so
	// the step waits for the page itself rather than for the list.
	submit(t, ctx, `a[href="/portal/v/`+strconv.FormatInt(vid, 10)+`?category=finance"]`)
	if evaluate[bool](t, ctx, wider) {
		t.Fatal("the village board is wider than a phone")
	}
	if n := evaluate[int](t, ctx, `document.documentElement.outerHTML.length`); n > 60000 {
		t.Fatalf("the village board is %d bytes", n)
	}
	// The superseded version of last month's finance and the current one.
	items, err := env.Svc.Democracy.PortalItems(context.Background(), democracy.PortalFilter{OrgID: vid, Category: disclosure.Finance, Limit: 3})
	if err != nil || len(items) < 2 || items[1].State != democracy.ItemSuperseded {
		t.Fatalf("demo finance items %+v %v", items, err)
	}
	old := items[1]
	do(t, ctx,
		chromedp.Navigate(fmt.Sprintf("%s/portal/v/%d/items/%d", base, vid, old.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#superseded`)),
		chromedp.Navigate(base+"/portal/verify"),
		chromedp.WaitVisible(chromedp.CSS(`#code`)),
		chromedp.SendKeys(chromedp.CSS(`#code`), strings.ToLower(old.Code)),
		chromedp.Click(chromedp.CSS(`#verify-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#verify-result`)),
	)
	if msg := text(t, ctx, "#verify-result"); !strings.Contains(msg, "核验一致") || !strings.Contains(msg, "已被新版本取代") {
		t.Fatalf("verify: %q", msg)
	}
	do(t, ctx,
		chromedp.Navigate(base+"/portal/verify?code=ZZZZ-ZZZZ"),
		chromedp.WaitVisible(chromedp.CSS(`#verify-none`)),
		chromedp.Navigate(fmt.Sprintf("%s/portal/v/%d", base, vid)),
		chromedp.Click(chromedp.CSS(`#feedback-link`)),
		chromedp.WaitVisible(chromedp.CSS(`#feedback-form`)),
		chromedp.SendKeys(chromedp.CSS(`#body`), "上月护林补助什么时候发？"),
		chromedp.Click(chromedp.CSS(`#feedback-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#feedback-thanks`)),
	)
	var waiting int
	if err := env.DB.QueryRow(`SELECT COUNT(*) FROM portal_feedback WHERE org_id = $1 AND state = 'pending' AND body LIKE '%护林补助%'`, vid).Scan(&waiting); err != nil || waiting != 1 {
		t.Fatalf("feedback waiting for moderation: %d %v", waiting, err)
	}

	// The notice of the current version prints on one A4 page.
	cur := items[0]
	do(t, ctx,
		chromedp.Navigate(fmt.Sprintf("%s/portal/v/%d/notice/%d", base, vid, cur.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#notice svg.qr`)),
	)
	if got := text(t, ctx, "#notice-code"); got != cur.Code {
		t.Fatalf("notice code %q, want %q", got, cur.Code)
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1)); n != 1 {
		t.Fatalf("the notice prints on %d pages", n)
	}
}

// /feedback/{id}: a villager's message in the walk's subtree (w.at): one
// already there, else one sent for the walk to the village from an address
// of the walk's own, so the hourly limit per address is not reached.
func init() {
	foreignIDs["feedback"] = func(w *walk) (int64, error) {
		if id, err := w.one(`SELECT COALESCE(MAX(f.id), 0) FROM portal_feedback f JOIN orgs o ON o.id = f.org_id
			WHERE o.path >= $1 AND o.path < $2`, w.at.Path, db.PathEnd(w.at.Path)); err != nil || id != 0 {
			return id, err
		}
		village, err := w.one(`SELECT id FROM orgs WHERE type = 'general_branch' AND path >= $1 AND path < $2 ORDER BY id LIMIT 1`,
			w.at.Path, db.PathEnd(w.at.Path))
		if err != nil {
			return 0, err
		}
		fb, err := w.env.Svc.Democracy.SubmitFeedback(context.Background(), democracy.NewFeedback{
			OrgID: village, Body: "村务公开栏的留言", Addr: "walk-" + strconv.FormatInt(w.at.ID, 10)})
		return fb.ID, err
	}
}
