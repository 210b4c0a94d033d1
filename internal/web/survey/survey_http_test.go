package survey_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/survey"
	"dangjian/internal/testkit"
)

// codeOnSlip reads the codes printed on a slips page.
var codeOnSlip = regexp.MustCompile(`<code>([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})</code>`)

func TestSurveyPagesAndAPI(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		town := env.Town
		admin, haidan, jiandu := env.Login(t, "admin"), env.Login(t, "haidan"), env.Login(t, "jiandu")
		anon := env.NewClient(t)
		var lastYear, thisYear, kuaize int64
		q := `SELECT id FROM surveys WHERE org_id = $1 AND year = $2`
		mustID := func(dst *int64, village string, year int) {
			if err := d.QueryRow(q, town.Villages[village].ID, year).Scan(dst); err != nil {
				t.Fatalf("%s %d: %v", village, year, err)
			}
		}
		mustID(&lastYear, "海丹", 2025)
		mustID(&thisYear, "海丹", 2026)
		mustID(&kuaize, "块泽", 2025)
		id := func(n int64) string { return strconv.FormatInt(n, 10) }

		for _, row := range []struct {
			who *testkit.Client
			x   testkit.Exchange
		}{
			{admin, testkit.Exchange{Path: "/surveys", Status: 200, Has: []string{"海丹村党总支", "块泽村党总支", `id="survey-open"`}}},
			// The supervisors read; the village leaders are surveyed and see nothing:
			// without survey.read anywhere the gate refuses them every page.
			{jiandu, testkit.Exchange{Path: "/surveys", Status: 200, Has: []string{"海丹村党总支"}, HasNot: []string{`id="survey-open"`, "块泽村党总支"}}},
			{haidan, testkit.Exchange{Path: "/surveys/" + id(lastYear), Status: 403}},
			{haidan, testkit.Exchange{Name: "leader lists none", Path: "/api/v1/surveys", Status: 403}},
			// Last year's: closed, 人大代表 and 政协委员 too few even together.
			{admin, testkit.Exchange{Path: "/surveys/" + id(lastYear), Status: 200,
				Has: []string{`id="survey-results"`, "另有 4 份答卷", "基层群众 (20)"}, HasNot: []string{"人大代表 (", `id="codes-form"`}}},
			// 块泽's director was flagged and the town's decision recorded.
			{jiandu, testkit.Exchange{Path: "/surveys/" + id(kuaize), Status: 404}},
			{admin, testkit.Exchange{Path: "/surveys/" + id(kuaize), Status: 200,
				Has: []string{"低于分数线，须甄别", "调整", "人大代表、政协委员 (5)"}}},
			// This year's: open, counts only.
			{admin, testkit.Exchange{Path: "/surveys/" + id(thisYear), Status: 200,
				Has: []string{`id="codes-form"`, "调查结束后显示结果"}, HasNot: []string{`id="survey-results"`}}},
			{admin, testkit.Exchange{Path: "/api/v1/surveys/" + id(thisYear) + "/results", Status: 422,
				Has: []string{"survey.results_after_close"}}},
			{jiandu, testkit.Exchange{Path: "/api/v1/surveys/" + id(lastYear) + "/results", Status: 200, Has: []string{`"hidden_answers":4`}}},
			{jiandu, testkit.Exchange{Method: "POST", Path: "/api/v1/surveys/" + id(thisYear) + "/codes",
				JSON: `{"group": "public", "count": 5}`, Status: 403}},
			{admin, testkit.Exchange{Name: "weights must add to 100", Form: url.Values{"year": {"2026"}, "weight_public": {"50"}},
				Path: "/surveys?org_id=" + id(town.Villages["海戛"].ID), Status: 422, Has: []string{"合计须为 100%（现为 50%）"}}},
			{admin, testkit.Exchange{Name: "one a year", Method: "POST", Path: "/api/v1/surveys",
				JSON: fmt.Sprintf(`{"org_id": %d, "year": 2026}`, town.Villages["海丹"].ID), Status: 409}},
			{admin, testkit.Exchange{Name: "open", Method: "POST", Path: "/api/v1/surveys",
				JSON: fmt.Sprintf(`{"org_id": %d, "year": 2026, "threshold": 70}`, town.Villages["海戛"].ID), Status: 201,
				Has: []string{`"threshold":70`, `"kind":"team"`}}},
			{anon, testkit.Exchange{Path: "/survey", Status: 200, Has: []string{`id="code-form"`}}},
			{anon, testkit.Exchange{Path: "/surveys", Status: 303}},
			{anon, testkit.Exchange{Path: "/survey/ABCDEFGHJKMN", Status: 422, Has: []string{"调查码无效或已使用"}}},
		} {
			row.x.Check(t, row.who)
		}

		// Print slips: QR codes drawn on the server, codes shown once.
		resp := admin.PostForm("/surveys/"+id(thisYear)+"/codes", url.Values{"group": {"party_rep"}, "count": {"6"}})
		slips := testkit.ReadBody(resp)
		if resp.StatusCode != 200 || strings.Count(slips, `<svg xmlns="http://www.w3.org/2000/svg" class="qr"`) != 6 {
			t.Fatalf("slips: status %d\n%.1000s", resp.StatusCode, slips)
		}
		codes := codeOnSlip.FindAllStringSubmatch(slips, -1)
		if len(codes) != 6 || !strings.Contains(slips, env.Server.URL+"/survey") {
			t.Fatalf("codes on the slips: %v", codes)
		}
		page := admin.GetBody("/surveys/" + id(thisYear))
		if strings.Contains(page, codes[0][1]) {
			t.Fatal("a code is shown again after printing")
		}

		// Answer by code without an account: the typed code leads to its ballot.
		resp = anon.PostForm("/survey", url.Values{"code": {strings.ToLower(codes[0][1])}})
		where := resp.Header.Get("Location")
		testkit.ReadBody(resp)
		if resp.StatusCode != http.StatusSeeOther || where != "/survey/"+strings.ReplaceAll(codes[0][1], "-", "") {
			t.Fatalf("find: %d %s", resp.StatusCode, where)
		}
		ballot := anon.GetBody(where)
		fields := regexp.MustCompile(`name="(s\d+)" value="satisfied"`).FindAllStringSubmatch(ballot, -1)
		if len(fields) < 2 || !strings.Contains(ballot, "党代表") {
			t.Fatalf("ballot:\n%.1500s", ballot)
		}
		partial := url.Values{fields[0][1]: {"satisfied"}}
		testkit.Exchange{Name: "rate every item", Form: partial, Path: where, Status: 422,
			Has: []string{"请对每一项作出评价"}}.Check(t, anon)
		all := url.Values{}
		for _, f := range fields {
			all.Set(f[1], "basic")
		}
		testkit.Exchange{Name: "answer", Form: all, Path: where, Status: 200, Has: []string{`id="thanks"`}}.Check(t, anon)
		testkit.Exchange{Name: "reused", Form: all, Path: where, Status: 422, Has: []string{"调查码无效或已使用"}}.Check(t, anon)
		en := env.NewClient(t)
		en.Get("/lang/en")
		testkit.Exchange{Name: "reused, in English", Path: where, Status: 422, Has: []string{"each code can be used once"}}.Check(t, en)

		var answered int
		if err := d.QueryRow(`SELECT COALESCE(SUM(c.n), 0) FROM survey_answer_counts c JOIN survey_groups g ON g.id = c.group_id WHERE g.survey_id = $1 AND g.code = 'party_rep'`, thisYear).Scan(&answered); err != nil {
			t.Fatal(err)
		}
		if answered != 1 {
			t.Fatalf("party reps answered %d, want 1", answered)
		}

		// Closing withdraws the unused slips; the results appear.
		testkit.Exchange{Form: url.Values{}, Path: "/surveys/" + id(thisYear) + "/close", Status: 303}.Check(t, admin)
		testkit.Exchange{Path: "/survey/" + strings.ReplaceAll(codes[1][1], "-", ""), Status: 422}.Check(t, anon)
		testkit.Exchange{Path: "/surveys/" + id(thisYear), Status: 200, Has: []string{`id="survey-results"`}}.Check(t, admin)

		// 甄别 is recorded only for a flagged subject, with errors beside its own form.
		res, err := env.Svc.Survey.Results(context.Background(), nil, thisYear)
		if err != nil {
			t.Fatal(err)
		}
		var unflagged int64
		for _, s := range res.Subjects {
			if !s.Flagged {
				unflagged = s.ID
			}
		}
		testkit.Exchange{Name: "not flagged", Method: "POST", Path: "/api/v1/survey-subjects/" + id(unflagged) + "/followups",
			JSON: `{"action": "adjusted", "note": "调整分工"}`, Status: 422, Has: []string{"survey.not_flagged"}}.Check(t, admin)
		var flagged survey.SubjectResult
		kz, err := env.Svc.Survey.Results(context.Background(), nil, kuaize)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range kz.Subjects {
			if s.Flagged {
				flagged = s
			}
		}
		testkit.Exchange{Name: "note required", Form: url.Values{"action": {"replaced"}},
			Path: "/survey-subjects/" + id(flagged.ID) + "/followups?survey_id=" + id(kuaize), Status: 400,
			Has: []string{`id="followup-` + id(flagged.ID) + `"`, "field-error"}}.Check(t, admin)
		body := testkit.Exchange{Method: "POST", Path: "/api/v1/survey-subjects/" + id(flagged.ID) + "/followups",
			JSON: `{"action": "replaced", "note": "经村民会议罢免", "decided_on": "2026-01-10"}`, Status: 201}.Check(t, admin)
		var fu survey.Followup
		if err := json.Unmarshal([]byte(body), &fu); err != nil || fu.Action != survey.ActionReplaced {
			t.Fatalf("followup %s: %v", body, err)
		}
	})
}
