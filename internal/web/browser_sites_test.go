package web_test

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/day"
	"dangjian/internal/testkit"
)

// The accounting agent records the county's balance for 海戛's site on a
// phone and sees the reconciliation's paid and outstanding move while the
// 37万元 difference stays; 海丹's leader records a resident of a household
// without a 科技明白人 at a 绿色证书 session, records completion, and sees
// the village's coverage go up by one household.
func TestBrowserDisbursementAndAttendance(t *testing.T) {
	chromiumPath(t)
	env := testkit.Start(t, testkit.SQLite(t))
	base := env.Server.URL
	one := func(q string, args ...any) int64 {
		t.Helper()
		var id int64
		if err := env.DB.QueryRow(q, args...).Scan(&id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	yuan := func(s string) int64 {
		t.Helper()
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		if err != nil {
			t.Fatalf("amount %q: %v", s, err)
		}
		return int64(v * 100)
	}

	ctx := browser(t, 390, 844)
	login(t, ctx, base, "kuaiji")
	do(t, ctx, chromedp.Navigate(base+"/site-reconciliation"), chromedp.WaitVisible(chromedp.CSS(`#recon-paid`)))
	paid0, out0 := yuan(text(t, ctx, `#recon-paid`)), yuan(text(t, ctx, `#recon-outstanding`))
	if d := text(t, ctx, `#recon-difference`); d != "370,000.00" || text(t, ctx, `#recon-due`) != "4,170,000.00" {
		t.Fatalf("difference %s", d)
	}
	site := one(`SELECT s.id FROM sites s JOIN orgs o ON o.id = s.org_id WHERE o.name = '海戛村党总支'`)
	do(t, ctx,
		chromedp.Navigate(fmt.Sprintf("%s/sites/%d", base, site)),
		chromedp.WaitVisible(chromedp.CSS(`#disbursement-form`)),
		chromedp.SendKeys(chromedp.CSS(`#amount`), "384000"),
		chromedp.SendKeys(chromedp.CSS(`#voucher`), "县财补二期"),
	)
	submit(t, ctx, `#disbursement-form button`)
	if got := text(t, ctx, `#site-county-paid`); got != "960,000.00" {
		t.Fatalf("海戛 county paid %s after the balance", got)
	}
	if evaluate[bool](t, ctx, wider) {
		t.Fatal("the site page is wider than a phone screen")
	}
	do(t, ctx, chromedp.Navigate(base+"/site-reconciliation"), chromedp.WaitVisible(chromedp.CSS(`#recon-paid`)))
	if paid, out := yuan(text(t, ctx, `#recon-paid`)), yuan(text(t, ctx, `#recon-outstanding`)); paid != paid0+384000_00 || out != out0-384000_00 {
		t.Fatalf("paid %d→%d, outstanding %d→%d", paid0, paid, out0, out)
	}
	if text(t, ctx, `#recon-difference`) != "370,000.00" {
		t.Fatal("the difference moved with a payment")
	}

	hd := env.Town.Villages["海丹"].ID
	training := one(`SELECT MIN(id) FROM trainings WHERE village_id = $1 AND kind = 'green_cert'`, hd)
	household := one(`SELECT MIN(h.id) FROM households h JOIN orgs o ON o.id = h.org_id WHERE o.parent_id = $1 AND NOT EXISTS
		(SELECT 1 FROM residents r JOIN resident_skills k ON k.resident_id = r.id WHERE r.household_id = h.id AND k.certificate_no <> '')`, hd)
	resident := one(`SELECT MIN(id) FROM residents WHERE household_id = $1 AND birth_date <= $2`, household, day.Of(env.Clock.Now().AddDate(-18, 0, 0)))
	ctx = browser(t, 390, 844)
	login(t, ctx, base, "haidan")
	coverage := func() int {
		t.Helper()
		do(t, ctx, chromedp.Navigate(base+"/coverage"), chromedp.WaitVisible(chromedp.CSS(`#coverage-households`)))
		n, _ := strconv.Atoi(strings.Split(text(t, ctx, `#coverage-households`), "/")[0])
		return n
	}
	before := coverage()
	tick := func(form string) chromedp.Action[chromedp.Void] {
		return chromedp.Click(chromedp.CSS(fmt.Sprintf(`%s input[name="resident_ids"][value="%d"]`, form, resident)))
	}
	do(t, ctx,
		chromedp.Navigate(fmt.Sprintf("%s/trainings/%d", base, training)),
		chromedp.WaitVisible(chromedp.CSS(`#session-form`)),
		chromedp.SendKeys(chromedp.CSS(`#topic`), "补课：魔芋种植"),
		tick(`#session-form`),
	)
	// Each form leads to a new page; waiting for that page, not for a
	// flash the previous page already showed, keeps the next step from
	// cutting the post short.
	submit(t, ctx, `#session-form button`)
	do(t, ctx, tick(`#complete-form`))
	submit(t, ctx, `#complete-form button`)
	if evaluate[bool](t, ctx, wider) {
		t.Fatal("the training page is wider than a phone screen")
	}
	if after := coverage(); after != before+1 {
		t.Fatalf("households with a 科技明白人: %d before, %d after", before, after)
	}
}

// 海丹's leader records a milestone of the village's site on a phone with
// a photo chosen from the phone, and sees it on the site's page, small.
func TestBrowserMilestonePhoto(t *testing.T) {
	chromiumPath(t)
	env := testkit.Start(t, testkit.SQLite(t))
	var site int64
	if err := env.DB.QueryRow(`SELECT s.id FROM sites s JOIN orgs o ON o.id = s.org_id WHERE o.name = '海丹村党总支'`).Scan(&site); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	jpeg.Encode(&b, image.NewRGBA(image.Rect(0, 0, 3000, 2000)), nil)
	photo := filepath.Join(t.TempDir(), "封顶.jpg")
	if err := os.WriteFile(photo, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t, 390, 844)
	login(t, ctx, env.Server.URL, "haidan")
	do(t, ctx,
		chromedp.Navigate(fmt.Sprintf("%s/sites/%d", env.Server.URL, site)),
		chromedp.WaitVisible(chromedp.CSS(`#milestone-form`)),
		chromedp.SendKeys(chromedp.CSS(`#milestone-form #title`), "主体封顶"),
		chromedp.SetUploadFiles(chromedp.CSS(`#photos`), []string{photo}),
	)
	submit(t, ctx, `#milestone-form button`)
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`#milestones-table .photos img`)))
	// The photo's own width once it has loaded: the stored, smaller one.
	w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`new Promise(done => {
		const img = document.querySelector('#milestones-table .photos img');
		if (img.complete) { done(img.naturalWidth) } else { img.onload = () => done(img.naturalWidth) }
	})`, chromedp.EvalAwaitPromise))
	if err != nil || w != 1600 {
		t.Fatalf("the photo shows %d px wide as stored (%v)", w, err)
	}
	if evaluate[bool](t, ctx, wider) {
		t.Fatal("the site page with a photo is wider than a phone")
	}
}
