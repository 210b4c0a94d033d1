package web_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

func TestMemberReportPagesAndAPI(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		mt := startMeetingTown(t, d)
		haidan, haiga := fmt.Sprint(mt.Town.Villages["海丹"].ID), fmt.Sprint(mt.Town.Villages["海戛"].ID)
		for _, sc := range []meetingScenario{
			{name: "the report of the village", user: "haidan", method: "GET", path: "/members/report", status: 200,
				want: []string{"2026年发展党员工作情况统计", "海丹村党总支", "当年发展预备党员", "35岁及以下", "女性占比",
					"企业管理人员和技术骨干", "其他", `href="/members/report.xlsx?year=2026"`, `class="total"`},
				not: []string{"海戛"}},
			{name: "another year", user: "haidan", method: "GET", path: "/members/report?year=2025", status: 200,
				want: []string{"2025年发展党员工作情况统计"}},
			{name: "a future year is refused", user: "haidan", method: "GET", path: "/members/report?year=2030", status: 400,
				want: []string{`<div class="field-error">年度须在 2000 至 2026 之间。</div>`, `id="report-filter"`},
				not:  []string{`id="report-stages"`}},
			{name: "another village does not exist", user: "haidan", method: "GET", path: "/members/report?org_id=" + haiga, status: 404},
			{name: "the town sees both villages", user: "admin", method: "GET", path: "/members/report", status: 200,
				want: []string{"海丹村党总支", "海戛村党总支", "<th>村（社区）</th>", `id="report-ages"`, "党员年龄按 2026 年 12 月 31 日计算"}},
			{name: "the county's report is by town", user: "county", method: "GET", path: "/members/report", status: 200,
				want: []string{"<th>镇</th>", "<td>大河镇党委</td>", `class="total"`}, not: []string{"<td>海丹村党总支</td>"}},
			{name: "API: the county's report is by town", user: "county", method: "GET", path: "/api/v1/members/report", status: 200,
				want: []string{`"by_town":true`, `"name":"大河镇党委"`}},
			{name: "the roster links the report and keeps its filter in the export link", user: "haidan", method: "GET",
				path: "/members?org_id=" + haidan + "&category=veteran", status: 200,
				want: []string{`href="/members/report?org_id=` + haidan + `"`, `href="/members/report">发展党员统计</a>`,
					`href="/members/export.xlsx?category=veteran&amp;org_id=` + haidan + `"`}},
			{name: "API: the report", user: "haidan", method: "GET", path: "/api/v1/members/report?year=2026", status: 200,
				want: []string{`"year":2026`, `"name":"海丹村党总支"`, `"admitted":{"total":`, `"age_bands":["le35","36_45","46_60","gt60"]`},
				not:  []string{"海戛"}},
			{name: "API: not over another village", user: "haidan", method: "GET", path: "/api/v1/members/report?org_id=" + haiga, status: 404},
			{name: "API: a bad year", user: "haidan", method: "GET", path: "/api/v1/members/report?year=1999", status: 400,
				want: []string{`"fields":{"year":"年度须在 2000 至 2026 之间。"}`}},
			{name: "a plain member has no report", user: "dangyuan", method: "GET", path: "/api/v1/members/report", status: 403,
				want: []string{`"code":"forbidden"`}},
		} {
			sc.run(t, mt.Login(t, sc.user))
		}

		resp := mt.Login(t, "haidan").Get("/members/report.xlsx?year=2026")
		body := testkit.ReadBody(resp)
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") ||
			!strings.HasPrefix(body, "PK") {
			t.Fatalf("export: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	})
}

func TestHomeOfAPlainMemberIsTheirRecord(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		for user, want := range map[string]string{"dangyuan": "/me", "haidan": ""} {
			resp := env.Login(t, user).Get("/")
			testkit.ReadBody(resp)
			if got := resp.Header.Get("Location"); got != want || (want == "") != (resp.StatusCode == 200) {
				t.Fatalf("%s: / answers %d to %q, want %q", user, resp.StatusCode, got, want)
			}
		}
	})
}

func TestStarFormKeepsTicksWhenShownAgain(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		mt := startMeetingTown(t, d)
		form := url.Values{"org_id": {fmt.Sprint(mt.minjia)}, "year": {"2026"}, "member_id": {fmt.Sprint(mt.self)},
			"leads": {"study", "law"}, "note": {strings.Repeat("长", 501)}}
		meetingScenario{name: "a note too long", user: "minjia1", method: "POST", path: "/stars", form: form, status: 400,
			want: []string{`value="study" checked`, `value="law" checked`},
			not:  []string{`value="achieve" checked`, `value="serve" checked`, `value="virtue" checked`}}.run(t, mt.Login(t, "minjia1"))
		meetingScenario{name: "a fresh form", user: "minjia1", method: "GET", path: "/stars?org_id=" + fmt.Sprint(mt.minjia),
			status: 200, want: []string{`value="study">`}, not: []string{"checked"}}.run(t, mt.Login(t, "minjia1"))
	})
}
