package web_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

// What a new user tripped over on the demo town, each held by a scenario:
// lists that drop rows without a cursor, JSON errors that do not say what
// is wrong, pages that echo a megabyte back, links that lead to "not
// found", an empty start page and menus of things one cannot use.
func TestWhatANewUserTripsOver(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin, haidan, member := env.Login(t, "admin"), env.Login(t, "haidan"), env.Login(t, "dangyuan")
		village := strconv.FormatInt(env.Town.Villages["海丹"].ID, 10)
		big := `{"name": "` + strings.Repeat("长", 400000) + `"}`
		cases := []struct {
			who *testkit.Client
			testkit.Exchange
		}{
			// Pagination: a limit out of range is refused, a full page gives next.
			{admin, testkit.Exchange{Name: "limit above the maximum", Path: "/api/v1/members?limit=201", Status: 400,
				Has: []string{`"limit"`, "1 至 200"}}},
			{admin, testkit.Exchange{Name: "limit not a number", Path: "/api/v1/residents?limit=lots", Status: 400, Has: []string{`"limit"`}}},
			{admin, testkit.Exchange{Name: "a full page has a cursor", Path: "/api/v1/members?limit=2", Status: 200, Has: []string{`"next":`}}},
			{admin, testkit.Exchange{Name: "the audit list honours limit", Path: "/api/v1/audit?limit=1", Status: 200, Has: []string{`"next":`}}},
			// JSON errors name the field and what was expected.
			{admin, testkit.Exchange{Name: "wrong type", Method: "POST", Path: "/api/v1/members", JSON: `{"org_id": "twelve"}`, Status: 400,
				Has: []string{`"org_id"`, "应为数字", "文字"}}},
			{admin, testkit.Exchange{Name: "unknown field", Method: "POST", Path: "/api/v1/members", JSON: `{"nmae": "x"}`, Status: 400,
				Has: []string{`"nmae"`, "没有名为 nmae 的字段"}}},
			{admin, testkit.Exchange{Name: "truncated", Method: "POST", Path: "/api/v1/members", JSON: `{"name": "x"`, Status: 400,
				Has: []string{"不完整"}}},
			{admin, testkit.Exchange{Name: "malformed", Method: "POST", Path: "/api/v1/members", JSON: `{"name" "x"}`, Status: 400,
				Has: []string{"格式错误"}}},
			{admin, testkit.Exchange{Name: "too large", Method: "POST", Path: "/api/v1/members", JSON: big, Status: 413,
				Has: []string{`"too_large"`, "1024 KB"}}},
			// Breadcrumbs above one's scope are text, not links to "not found".
			{haidan, testkit.Exchange{Name: "village page crumbs", Path: "/orgs/" + village, Status: 200,
				Has: []string{`<span class="above-scope">大河镇</span>`}, HasNot: []string{`href="/orgs/` + strconv.FormatInt(env.Town.Town.ID, 10) + `"`}}},
			{admin, testkit.Exchange{Name: "town admin crumbs", Path: "/orgs/" + strconv.FormatInt(env.Town.Town.ID, 10), Status: 200,
				Has: []string{`<span class="above-scope">富源县</span>`}}},
			// The start page shows what is due, with counts and links.
			{haidan, testkit.Exchange{Name: "village leader's start page", Path: "/", Status: 200,
				Has: []string{`id="home-due"`, `href="/overdue"`, "待开会议", `href="/members/board?org_id=` + village + `"`}}},
			{admin, testkit.Exchange{Name: "town admin's start page", Path: "/", Status: 200,
				Has: []string{`href="/fund?town_id=`, "待审批的帮扶资金"}}},
			// Menus hold only what the user may open.
			{member, testkit.Exchange{Name: "a plain member's menu", Path: "/me", Status: 200,
				Has: []string{`href="/me"`}, HasNot: []string{"<summary>活动阵地</summary>", "<summary>致富工程</summary>", `href="/members"`}}},
		}
		for _, c := range cases {
			c.Check(t, c.who)
		}

		// The start page greets the person who holds the post, not the role.
		rows, err := d.QueryContext(t.Context(), `SELECT p.code, t.holder_name FROM post_terms t JOIN posts p ON p.id = t.post_id
			WHERE t.org_id = $1 AND t.ended_on IS NULL`, env.Town.Villages["海丹"].ID)
		if err != nil {
			t.Fatal(err)
		}
		var secretary string
		for rows.Next() {
			var code, holder string
			if err := rows.Scan(&code, &holder); err != nil {
				t.Fatal(err)
			}
			if org.IsSecretaryPost(code) {
				secretary = holder
			}
		}
		rows.Close()
		if secretary == "" {
			t.Fatal("海丹 has no secretary in the demo")
		}
		testkit.Exchange{Name: "greeting", Path: "/", Status: 200, Has: []string{secretary + "，您好"}}.Check(t, haidan)

		// A form shown again with its errors echoes at most what a field holds.
		resp := admin.PostForm("/orgs/"+village+"/children", url.Values{"type": {"branch"}, "name": {strings.Repeat("a", 600000)}})
		body := testkit.ReadBody(resp)
		if resp.StatusCode != 400 || len(body) > 200000 {
			t.Fatalf("an over-long name: status %d, page of %d bytes", resp.StatusCode, len(body))
		}
	})
}
