package web_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/testkit"
)

// A village leader gives the 村委会主任 post to someone new on a phone,
// and both centres the director leads ex officio (科技推广中心 and
// 民事调解中心) show the new holder as their director.
func TestBrowserCentresFollowTheDirector(t *testing.T) {
	chromiumPath(t)
	env := testkit.Start(t, testkit.SQLite(t))
	ctx := browser(t, 390, 844)
	base := env.Server.URL
	hd := env.Town.Villages["海丹"]
	var post int64
	if err := env.DB.QueryRow(`SELECT id FROM posts WHERE org_id = $1 AND code = 'director'`, hd.ID).Scan(&post); err != nil {
		t.Fatal(err)
	}
	login(t, ctx, base, "haidan")
	visit(t, ctx, fmt.Sprintf("%s/centres/%d/mediation", base, hd.ID))
	old := text(t, ctx, "#director-seat")
	const newHolder = "杨春梅"
	if old == "" || strings.Contains(old, newHolder) {
		t.Fatalf("director before the change: %q", old)
	}
	visit(t, ctx, fmt.Sprintf("%s/posts/%d", base, post))
	do(t, ctx, chromedp.SendKeys(chromedp.ID("holder_name"), newHolder))
	submit(t, ctx, `#assign-form button`)
	for _, code := range []string{"technology", "mediation"} {
		visit(t, ctx, fmt.Sprintf("%s/centres/%d/%s", base, hd.ID, code))
		if got := text(t, ctx, "#director-seat"); !strings.Contains(got, newHolder) {
			t.Fatalf("%s director after the change: %q", code, got)
		}
		if hist := text(t, ctx, "#history-table"); !strings.Contains(hist, newHolder) || !strings.Contains(hist, strings.Fields(old)[0]) {
			t.Fatalf("%s history lacks the change:\n%s", code, hist)
		}
		if evaluate[bool](t, ctx, wider) {
			t.Fatalf("the %s centre page is wider than a phone", code)
		}
	}
	shot(t, ctx, "phone-centre.png")
}

// A villager with no account files a 民事代办 request on a phone and gets
// a code; the 为民服务中心's staff accept, handle and close it; the
// villager's code then shows it closed with the staff's notes.
func TestBrowserServiceRequestOnPhone(t *testing.T) {
	chromiumPath(t)
	env := testkit.Start(t, testkit.SQLite(t))
	base := env.Server.URL
	hd := env.Town.Villages["海丹"]

	villager := browser(t, 390, 844)
	visit(t, villager, base+"/portal/service")
	do(t, villager,
		chromedp.SetValue(chromedp.ID("org_id"), fmt.Sprint(hd.ID)),
		chromedp.SetValue(chromedp.ID("kind"), "medical_insurance"),
		chromedp.SendKeys(chromedp.ID("applicant"), "海丹村民 赵大姐"),
		chromedp.SendKeys(chromedp.ID("phone"), "13912345678"),
		chromedp.SendKeys(chromedp.ID("details"), "代缴明年的医疗保险"),
	)
	if evaluate[bool](t, villager, wider) {
		t.Fatal("the portal is wider than a phone")
	}
	submit(t, villager, `#file`)
	code := text(t, villager, "#tracking-code")
	if !regexp.MustCompile(`^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$`).MatchString(code) {
		t.Fatalf("tracking code %q", code)
	}
	shot(t, villager, "phone-portal-code.png")

	var id int64
	if err := env.DB.QueryRow(`SELECT id FROM centre_requests WHERE applicant = '海丹村民 赵大姐'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	staff := browser(t, 390, 844)
	login(t, staff, base, "zhongxin")
	visit(t, staff, base+"/requests")
	if list := text(t, staff, "#requests-table"); !strings.Contains(list, "赵大姐") {
		t.Fatalf("the staff's list lacks the request:\n%s", list)
	}
	for _, note := range []string{"已受理", "已到镇医保所缴费", "缴费凭证已送到家"} {
		visit(t, staff, fmt.Sprintf("%s/requests/%d", base, id))
		do(t, staff, chromedp.SendKeys(chromedp.CSS(`form:has(#advance) textarea`), note))
		submit(t, staff, `#advance`)
	}
	if stage := text(t, staff, "#stage"); stage != "已办结" {
		t.Fatalf("stage after closing: %q", stage)
	}

	visit(t, villager, base+"/portal/service")
	do(t, villager, chromedp.SendKeys(chromedp.ID("code"), strings.ToLower(code)))
	submit(t, villager, `#track`)
	if stage, notes := text(t, villager, "#stage"), text(t, villager, "#notes-table"); stage != "已办结" || !strings.Contains(notes, "缴费凭证已送到家") {
		t.Fatalf("the villager sees %q with notes:\n%s", stage, notes)
	}
	if evaluate[bool](t, villager, wider) {
		t.Fatal("the tracking page is wider than a phone")
	}
	shot(t, villager, "phone-portal-tracked.png")
}
