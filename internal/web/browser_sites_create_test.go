package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/testkit"
)

// The town's cadre registers a renovation of a 海丹 group branch's site
// on a phone, lands on the new site's page and finds it in the village's
// list; neither page is wider than the phone.
func TestBrowserSiteCreateOnPhone(t *testing.T) {
	chromiumPath(t)
	env := testkit.Start(t, testkit.SQLite(t))
	base := env.Server.URL
	hd := env.Town.Villages["海丹"].ID
	var group int64
	var name string
	if err := env.DB.QueryRow(`SELECT id, name FROM orgs WHERE parent_id = $1 AND type = 'branch' ORDER BY id DESC LIMIT 1`, hd).Scan(&group, &name); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t, 390, 844)
	login(t, ctx, base, "admin")
	do(t, ctx,
		chromedp.Navigate(base+"/sites/new"),
		chromedp.WaitVisible(chromedp.CSS(`#site-form`)),
		chromedp.SetValue(chromedp.CSS(`#org_id`), fmt.Sprint(group)),
		chromedp.SetValue(chromedp.CSS(`#kind`), "renovate"),
		chromedp.SendKeys(chromedp.CSS(`#main_buildings`), "1"),
		chromedp.SendKeys(chromedp.CSS(`#land_m2`), "260"),
		chromedp.SendKeys(chromedp.CSS(`#floor_m2`), "180"),
	)
	if evaluate[bool](t, ctx, wider) {
		t.Fatal("the new site form is wider than a phone screen")
	}
	submit(t, ctx, `#site-form button`)
	if got := text(t, ctx, `h1`); got != name {
		t.Fatalf("after registering, the page says %q, want the site of %s", got, name)
	}
	if got := text(t, ctx, `#site-spec`); !strings.Contains(got, "占地 260 平方米") {
		t.Fatalf("spec %q", got)
	}
	do(t, ctx,
		chromedp.Navigate(fmt.Sprintf("%s/sites?village_id=%d", base, hd)),
		chromedp.WaitVisible(chromedp.CSS(`#sites-table`)),
	)
	if got := text(t, ctx, `#sites-table`); !strings.Contains(got, name) || !strings.Contains(got, "提升改建") {
		t.Fatalf("海丹's sites do not list %s's renovation:\n%s", name, got)
	}
	if evaluate[bool](t, ctx, wider) {
		t.Fatal("the site list is wider than a phone screen")
	}
}
