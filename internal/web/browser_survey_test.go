package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/survey"
	"dangjian/internal/testkit"
)

// A villager with a slip answers 海丹's survey on a phone without an
// account: types the code, rates every item, is thanked; the same code
// typed again is refused.
func TestBrowserSurveyByCode(t *testing.T) {
	chromiumPath(t)
	env := testkit.Start(t, testkit.SQLite(t))
	var surveyID int64
	if err := env.DB.QueryRow(`SELECT MAX(id) FROM surveys WHERE org_id = $1`, env.Town.Villages["海丹"].ID).Scan(&surveyID); err != nil {
		t.Fatal(err)
	}
	is, err := env.Svc.Survey.IssueCodes(context.Background(), nil, surveyID, survey.GroupPublic, 1)
	if err != nil {
		t.Fatal(err)
	}
	typed := strings.ToLower(survey.FormatCode(is.Codes[0]))
	ctx := browser(t, 390, 844)
	base := env.Server.URL
	enter := []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(base + "/survey"),
		chromedp.WaitVisible(chromedp.CSS(`#code`)),
		chromedp.SendKeys(chromedp.CSS(`#code`), typed),
		chromedp.Submit(chromedp.CSS(`#code`)),
	}
	do(t, ctx, append(enter, chromedp.WaitVisible(chromedp.CSS(`#ballot-form`)))...)
	if evaluate[bool](t, ctx, wider) {
		t.Fatal("the ballot is wider than a phone screen")
	}
	items := evaluate[int](t, ctx, `document.querySelectorAll('fieldset.ballot-item').length`)
	if items < 2 {
		t.Fatalf("%d items on the ballot", items)
	}
	// Tick 满意 for each item, 基本满意 for the last, by tapping the labels.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('fieldset.ballot-item').forEach((f, i, all) => {
		f.querySelector('input[value="' + (i === all.length - 1 ? 'basic' : 'satisfied') + '"]').closest('label').click() })`))
	shot(t, ctx, "phone-survey-ballot.png")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#ballot-form button`)),
		chromedp.WaitVisible(chromedp.CSS(`#thanks`)),
	)
	var answered int
	if err := env.DB.QueryRow(`SELECT COALESCE(SUM(c.n), 0) FROM survey_answer_counts c JOIN survey_groups g ON g.id = c.group_id WHERE g.survey_id = $1 AND g.code = 'public'`, surveyID).Scan(&answered); err != nil {
		t.Fatal(err)
	}
	if answered != 18 { // the demo's 17 and this one
		t.Fatalf("public answered %d, want 18", answered)
	}

	// The same slip again.
	do(t, ctx, append(enter, chromedp.WaitVisible(chromedp.CSS(`.alert`)))...)
	if msg := text(t, ctx, `.alert`); !strings.Contains(msg, "调查码无效或已使用") {
		t.Fatalf("a reused code answered %q", msg)
	}
	if evaluate[bool](t, ctx, `!!document.querySelector('#ballot-form')`) {
		t.Fatal("a reused code opened the ballot")
	}
}
