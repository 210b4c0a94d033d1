package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dangjian/internal/demo"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

// The pages of the main flows fit a village cadre's 390 px phone: the
// page never scrolls sideways, no table is wider than its box (a table
// that scrolls inside its own box hides the columns that matter), and no
// printed date breaks over two lines. The same pages are checked on a
// 1366 px office screen, where tables stay tables. With
// DANGJIAN_SCREENSHOTS=dir and DANGJIAN_SCREENSHOTS_ALL=1 it saves every page
// whole, to look at.
func TestBrowserPagesFitPhone(t *testing.T) {
	chromiumPath(t)
	env := testkit.Start(t, testkit.SQLite(t))
	town := env.Town
	accounts := []struct {
		user  string
		scope org.Org // the village or branch whose records the account opens
		group org.Org // a branch in that scope, for the branch pages
	}{
		{"admin", town.Villages["民家"], town.Groups["民家一组"]},
		{"haidan", town.Villages["海丹"], town.Groups["海丹一组"]},
		{"minjia1", town.Groups["民家一组"], town.Groups["民家一组"]},
	}
	screens := []struct {
		name          string
		width, height int64
		phone         bool
	}{
		{"phone", 390, 844, true},
		{"desktop", 1366, 768, false},
	}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			for _, acc := range accounts {
				t.Run(acc.user, func(t *testing.T) {
					// One browser per account keeps each within the browser's time limit.
					ctx := browser(t, int(sc.width), int(sc.height))
					do(t, ctx, chromedp.EmulateViewport(sc.width, sc.height, chromedp.EmulateScale(1)))
					login(t, ctx, env.Server.URL, acc.user)
					for _, p := range mainPages(t, env, acc.user, acc.scope, acc.group) {
						checkPage(t, ctx, env.Server.URL+p, sc.phone)
						if dir := os.Getenv("DANGJIAN_SCREENSHOTS"); dir != "" && os.Getenv("DANGJIAN_SCREENSHOTS_ALL") != "" {
							fullShot(t, ctx, filepath.Join(dir, sc.name+"-"+acc.user+"-"+pageFile.Replace("home"+p)+".png"))
						}
					}
					if sc.phone && acc.user == "haidan" {
						// What the cadre acts on leads each block.
						visit(t, ctx, env.Server.URL+"/members/board?org_id="+fmt.Sprint(acc.scope.ID))
						firstLabels(t, ctx, "#due-table", "办理时限", "下一步", "应在此前")
						shot(t, ctx, "phone-board.png")
						visit(t, ctx, env.Server.URL+"/compliance")
						firstLabels(t, ctx, "#compliance-table", "落实情况", "支部")
						shot(t, ctx, "phone-compliance.png")
						visit(t, ctx, env.Server.URL+"/overdue")
						firstLabels(t, ctx, "#overdue-table", "状态", "支部")
					}
					if sc.phone && acc.user == "admin" {
						visit(t, ctx, env.Server.URL+"/orgs/"+fmt.Sprint(town.Town.ID))
						firstLabels(t, ctx, "#overview-table", "村", "逾期未销号", "空缺职务（含下属组织）")
						shot(t, ctx, "phone-overview.png")
					}
				})
			}
		})
	}
}

// firstLabels checks a table's first column headings, in order.
func firstLabels(t *testing.T, ctx context.Context, table string, want ...string) {
	t.Helper()
	got := evaluate[[]string](t, ctx, `[...document.querySelector('`+table+`').rows[0].cells].map(c => c.textContent.trim())`)
	for i, w := range want {
		if i >= len(got) || got[i] != w {
			t.Errorf("%s begins with columns %q, want %q", table, got, want)
			return
		}
	}
}

// pageFile turns a page's path into a file name.
var pageFile = strings.NewReplacer("/", "_", "?", "_", "=", "-", "&", "_")

// fullShot saves the whole page, for a person to look at.
func fullShot(t *testing.T, ctx context.Context, file string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// login signs in through the login form.
func login(t *testing.T, ctx context.Context, base, user string) {
	t.Helper()
	do(t, ctx,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.CSS(`#username`)),
		chromedp.SendKeys(chromedp.CSS(`#username`), user),
		chromedp.SendKeys(chromedp.CSS(`#password`), demo.DemoPassword),
		chromedp.Submit(chromedp.CSS(`#password`)),
		chromedp.WaitVisible(chromedp.CSS(`header.top .tools form`)),
	)
}

// visit opens a page, which must answer 200.
func visit(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	step, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	resp, err := chromedp.Run(step, chromedp.NavigateResponse(url))
	if err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	if resp.Status != 200 {
		t.Fatalf("open %s: status %d", url, resp.Status)
	}
}

// layoutFaults lists, in the page, every table wider than its box and
// every date printed over more than one line.
const layoutFaults = `(() => {
  const out = [];
  const name = el => (el.id ? '#' + el.id : el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
  for (const tb of document.querySelectorAll('main table')) {
    const box = tb.parentElement;
    if (tb.getBoundingClientRect().width > box.clientWidth + 1) {
      out.push('table ' + name(tb) + ' is ' + Math.round(tb.getBoundingClientRect().width) + 'px in a box of ' + box.clientWidth + 'px');
    }
  }
  for (const d of document.querySelectorAll('.date')) {
    if (!d.textContent.trim()) continue;
    const st = getComputedStyle(d);
    const lh = parseFloat(st.lineHeight) || parseFloat(st.fontSize) * 1.5;
    const r = document.createRange();
    r.selectNodeContents(d);
    const h = r.getBoundingClientRect().height;
    if (h > lh + 2) {
      out.push('date "' + d.textContent.trim() + '" wraps: ' + Math.round(h) + 'px high, one line is ' + lh + 'px');
    }
  }
  // Every date in a table or a list of facts is printed with the class
  // (the audit log's changes are stored values, shown as they are).
  const walk = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (/\d{4}-\d{2}-\d{2}/.test(n.textContent) && el.closest('td, dd') && !el.closest('.date, .changes')) {
      out.push('date "' + n.textContent.trim() + '" in ' + name(el) + ' is printed without the date class');
    }
  }
  return out;
})()`

// stackFaults lists, on a phone, tables of class stack whose header row
// still shows, and cells below a heading that lack its label (the first
// column names the row and needs none).
const stackFaults = `(() => {
  const out = [];
  for (const tb of document.querySelectorAll('main table.stack')) {
    const rows = [...tb.rows];
    const head = rows.find(tr => !tr.querySelector('td'));
    if (!head) { out.push('table #' + tb.id + ' has no header row'); continue; }
    if (getComputedStyle(head).display !== 'none') out.push('the header row of #' + tb.id + ' shows on a phone');
    const names = [...head.cells].map(c => c.textContent.trim());
    for (const tr of rows) {
      if (tr === head || [...tr.cells].some(c => c.colSpan > 1)) continue;
      [...tr.cells].forEach((c, i) => {
        if (i > 0 && names[i] && c.tagName === 'TD' && !c.dataset.label) out.push('#' + tb.id + ': a cell under "' + names[i] + '" has no label');
      });
    }
  }
  return [...new Set(out)];
})()`

// checkPage opens a page and fails for sideways scroll, overflowing
// tables and wrapping dates.
func checkPage(t *testing.T, ctx context.Context, url string, phone bool) {
	t.Helper()
	visit(t, ctx, url)
	if evaluate[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth`) {
		t.Errorf("%s scrolls sideways: %d px of content in a %d px window", url,
			evaluate[int](t, ctx, `document.documentElement.scrollWidth`), evaluate[int](t, ctx, `window.innerWidth`))
	}
	for _, f := range evaluate[[]string](t, ctx, layoutFaults) {
		t.Errorf("%s: %s", url, f)
	}
	if phone {
		for _, f := range evaluate[[]string](t, ctx, stackFaults) {
			t.Errorf("%s: %s", url, f)
		}
		return
	}
	// On a wide screen a table keeps its header row.
	if n := evaluate[int](t, ctx, `[...document.querySelectorAll('main table tr')].filter(tr => tr.querySelector('th') && getComputedStyle(tr).display !== 'table-row').length`); n > 0 {
		t.Errorf("%s: %d table rows are not laid out as rows on a wide screen", url, n)
	}
}

// mainPages are the pages of the main flows an account opens, with
// record ids from its scope.
func mainPages(t *testing.T, env *testkit.Env, user string, scope, group org.Org) []string {
	t.Helper()
	first := func(table string, under org.Org) int64 {
		t.Helper()
		var id int64
		q := `SELECT COALESCE(MIN(x.id), 0) FROM ` + table + ` x JOIN orgs o ON o.id = x.org_id WHERE o.path LIKE $1`
		if err := env.DB.QueryRow(q, under.Path+"%").Scan(&id); err != nil {
			t.Fatalf("%s under %s: %v", table, under.Name, err)
		}
		return id
	}
	g := group.ID
	pages := []string{
		"/",
		fmt.Sprintf("/orgs/%d", scope.ID),
		fmt.Sprintf("/orgs/%d", g),
		"/orgs?type=branch",
		"/residents",
		"/households",
		"/members",
		"/members/board",
		fmt.Sprintf("/members/board?org_id=%d", g),
		"/members/cultivation",
		"/members/report",
		"/meetings",
		fmt.Sprintf("/meetings/new?org_id=%d", g),
		"/overdue",
		"/compliance",
		fmt.Sprintf("/compliance/%d", g),
		fmt.Sprintf("/duties?org_id=%d", g),
		fmt.Sprintf("/stars?org_id=%d", g),
		fmt.Sprintf("/evaluations?org_id=%d", g),
		"/suggestions",
		"/fund",
		"/secretaries",
		"/weak",
		"/committees",
		"/audit",
		"/account",
		"/sites",
		"/centres", "/cases", "/minqing", "/requests", "/portal/service",
	}
	if scope.Type == org.TypeGeneralBranch {
		for _, c := range []string{"mediation", "service", "education"} {
			pages = append(pages, fmt.Sprintf("/centres/%d/%s", scope.ID, c))
		}
	}
	if user == "admin" {
		pages = append(pages, fmt.Sprintf("/orgs/%d", env.Town.Town.ID), "/orgs?type=general_branch", "/orgs?type=town",
			"/registers/key", "/registers/vulnerable", fmt.Sprintf("/register-entries/%d", first("centre_register", scope)))
		pages = append(pages, "/surveys", "/survey", fmt.Sprintf("/surveys/%d", first("surveys", scope)))
		var open int64
		if err := env.DB.QueryRow(`SELECT MAX(id) FROM surveys WHERE org_id = $1`, scope.ID).Scan(&open); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, fmt.Sprintf("/surveys/%d", open))
		pages = append(pages, "/site-reconciliation", "/site-progress")
	}
	if user != "minjia1" {
		var c int64
		if err := env.DB.QueryRow(`SELECT COALESCE(MAX(id), 0) FROM commendations WHERE org_id = $1`, scope.ID).Scan(&c); err != nil || c == 0 {
			t.Fatalf("no commendation of %s: %v", scope.Name, err)
		}
		pages = append(pages, "/commendations", fmt.Sprintf("/commendations/%d", c), fmt.Sprintf("/commendations/%d", first("commendations", scope)))
		// the prosperity pages are a village's or the town's
		var training int64
		if err := env.DB.QueryRow(`SELECT MIN(id) FROM trainings WHERE village_id = $1`, scope.ID).Scan(&training); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, "/trainings", "/coverage", "/industries", fmt.Sprintf("/industries?village_id=%d", scope.ID),
			fmt.Sprintf("/coverage?org_id=%d", scope.ID), fmt.Sprintf("/trainings/%d", training))
		var coop, site int64 // a cooperative of the village with its enrolment form; the village's site with its forms
		if err := env.DB.QueryRow(`SELECT MIN(id) FROM cooperatives WHERE village_id = $1`, scope.ID).Scan(&coop); err != nil {
			t.Fatal(err)
		}
		if err := env.DB.QueryRow(`SELECT MIN(id) FROM sites WHERE org_id = $1`, scope.ID).Scan(&site); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, fmt.Sprintf("/cooperatives/%d", coop), "/sites/new", fmt.Sprintf("/sites/%d", site))
	}
	pages = append(pages, financePages(env, user, scope)...)
	if user != "minjia1" { // 双述双评: this year's round of the village, its print form and a cadre's page
		var rd, cd int64
		if err := env.DB.QueryRow(`SELECT r.id, MIN(c.id) FROM appraisal_rounds r JOIN appraisal_cadres c ON c.round_id = r.id
			WHERE r.org_id = $1 GROUP BY r.id ORDER BY r.id DESC LIMIT 1`, scope.ID).Scan(&rd, &cd); err != nil {
			t.Fatalf("no appraisal of %s: %v", scope.Name, err)
		}
		pages = append(pages, "/appraisals", fmt.Sprintf("/appraisals/%d", rd), fmt.Sprintf("/appraisals/%d/print", rd), fmt.Sprintf("/appraisal-cadres/%d", cd))
	}
	for _, rec := range []struct{ path, table string }{
		{"/posts/%d", "posts"}, {"/residents/%d", "residents"}, {"/households/%d", "households"},
		{"/members/%d", "members"}, {"/meetings/%d", "meetings"}, {"/suggestions/%d", "suggestions"},
		{"/weak/%d", "weak_flags"}, {"/sites/%d", "sites"}, {"/cases/%d", "centre_cases"}, {"/requests/%d", "centre_requests"},
	} {
		under := scope
		if rec.table == "weak_flags" {
			under = env.Town.Town // the demo flags sit in other villages
			if user != "admin" {
				continue
			}
		}
		if id := first(rec.table, under); id != 0 {
			pages = append(pages, fmt.Sprintf(rec.path, id))
		} else if rec.table != "suggestions" && !strings.HasPrefix(rec.table, "centre_") {
			t.Fatalf("no %s under %s in the demo town", rec.table, under.Name)
		}
	}
	pages = append(pages, democracyPages(t, env, user, scope)...)
	// A page whose permission the role holds nowhere is refused by the
	// kit and not in the user's menu (a branch secretary reads no audit log).
	return slices.DeleteFunc(pages, func(p string) bool { return !admits(t, env, user, "GET", p) })
}
