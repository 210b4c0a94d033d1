package members_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// memberOf finds a demo member of a group branch by listing it as the system.
func memberOf(t *testing.T, env *testkit.Env, group string) members.Member {
	t.Helper()
	list, err := env.Svc.Members.List(t.Context(), nil, members.Filter{OrgID: env.Town.Groups[group].ID, Limit: 1})
	if err != nil || len(list) == 0 {
		t.Fatalf("no demo member in %s: %v", group, err)
	}
	return list[0]
}

// validID makes an id number the demo does not use (region 530326).
func validID(birth string, seq int) string {
	first17 := "530326" + strings.ReplaceAll(birth, "-", "") + fmt.Sprintf("%03d", seq)
	return first17 + string(people.CheckDigit(first17))
}

func TestMemberPages(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		env.Svc.Members.Background = func(f func()) { f() }
		haidan, admin, jiandu := env.Login(t, "haidan"), env.Login(t, "admin"), env.Login(t, "jiandu")
		county := env.Login(t, "county")
		ours, theirs := memberOf(t, env, "海丹一组"), memberOf(t, env, "海戛一组")
		id := func(m members.Member) string { return strconv.FormatInt(m.ID, 10) }
		haiga := strconv.FormatInt(env.Town.Villages["海戛"].ID, 10)

		cases := []struct {
			name   string
			client *testkit.Client
			path   string
			status int
			want   []string
		}{
			{"roster", haidan, "/members", 200, []string{"党员名册", ours.Name, "导出 Excel"}},
			{"roster of another village", haidan, "/members?org_id=" + haiga, 404, nil},
			{"member page", haidan, "/members/" + id(ours), 200, []string{ours.Name, ours.IDMasked, "历史记录", "组织关系转接",
				`<dd class="date">` + ours.BirthDate.String() + `</dd>`, `入党日期</dt><dd class="date">` + ours.JoinedOn.String() + `</dd>`}},
			{"member of another village", haidan, "/members/" + id(theirs), 404, nil},
			{"edit form", haidan, "/members/" + id(ours) + "/edit", 200, []string{"修改信息"}},
			{"edit another village's member", haidan, "/members/" + id(theirs) + "/edit", 404, nil},
			{"supervisor reads without forms", jiandu, "/members/" + id(ours), 200, []string{ours.Name}},
			{"new member form", haidan, "/members/new", 200, []string{"身份证号", "海丹一组党支部"}},
			{"village board", haidan, "/members/board", 200, []string{"发展党员看板", "入党申请人", "可办理"}},
			{"town board", admin, "/members/board?org_id=" + strconv.FormatInt(env.Town.Town.ID, 10), 200, []string{"逾期", "海戛村党总支", "分组织统计"}},
			{"county board counts per town", county, "/members/board", 200, []string{`id="board-by-town"`, "大河镇党委"}},
			{"API county board", county, "/api/v1/members/board", 200, []string{`"by_town":true`, `"today":"2026-11-26"`}},
			{"board of another village", haidan, "/members/board?org_id=" + haiga, 404, nil},
			{"三培养", admin, "/members/cultivation", 200, []string{"三培养统计", "海丹村党总支", "党员→致富能手"}},
			{"import form", haidan, "/members/import", 200, []string{"下载导入模板", "海丹村党总支"}},
			{"village page counts", haidan, "/orgs/" + strconv.FormatInt(env.Town.Villages["海丹"].ID, 10), 200, []string{`id="member-counts"`, "正式党员"}},
			{"reveal without people.reveal", jiandu, "/members/export.xlsx?full=1", 403, nil},
			{"API list", haidan, "/api/v1/members?limit=5", 200, []string{`"items"`, `"next"`}},
			{"API member of another village", haidan, "/api/v1/members/" + id(theirs), 404, []string{`"not_found"`}},
			{"API board", haidan, "/api/v1/members/board", 200, []string{`"counts"`, `"due"`}},
			{"OpenAPI lists the roster", haidan, "/api/v1/openapi.json", 200, []string{"/api/v1/members/{id}/steps"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				resp := c.client.Get(c.path)
				body := testkit.ReadBody(resp)
				if resp.StatusCode != c.status {
					t.Fatalf("GET %s: status %d, want %d: %.300s", c.path, resp.StatusCode, c.status, body)
				}
				for _, w := range c.want {
					if !strings.Contains(body, w) {
						t.Errorf("GET %s lacks %q", c.path, w)
					}
				}
			})
		}

		t.Run("export and template are workbooks", func(t *testing.T) {
			for _, p := range []string{"/members/export.xlsx", "/members/template.xlsx"} {
				resp := haidan.Get(p)
				body := testkit.ReadBody(resp)
				if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") {
					t.Fatalf("GET %s: %d %s", p, resp.StatusCode, resp.Header.Get("Content-Type"))
				}
				book, err := excelize.OpenReader(strings.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				rows, _ := book.GetRows(book.GetSheetList()[0])
				if len(rows) == 0 || rows[0][1] != "身份证号" {
					t.Fatalf("%s header %v", p, rows)
				}
				if p == "/members/export.xlsx" && len(rows) < 100 {
					t.Fatalf("the export of 海丹 has %d rows", len(rows))
				}
			}
		})

		t.Run("add form errors beside fields", func(t *testing.T) {
			resp := haidan.PostForm("/members", url.Values{"org_id": {strconv.FormatInt(env.Town.Groups["海丹二组"].ID, 10)},
				"name": {"张三"}, "id_number": {"530326198001010010"}, "status": {"full"}, "joined_on": {"2000-07-01"}, "full_on": {"2001-07-01"}})
			body := testkit.ReadBody(resp)
			if resp.StatusCode != 400 || !strings.Contains(body, `class="field-error">身份证号校验位不符`) {
				t.Fatalf("bad id: %d %.500s", resp.StatusCode, body)
			}
			resp = haidan.PostForm("/members", url.Values{"org_id": {strconv.FormatInt(env.Town.Groups["海丹二组"].ID, 10)},
				"name": {"张三"}, "id_number": {validID("1980-01-01", 1)}, "status": {"full"}, "joined_on": {"2000-07-01"}, "full_on": {"2001-07-01"}})
			if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/members/") {
				t.Fatalf("good member: %d %s", resp.StatusCode, testkit.ReadBody(resp))
			}
		})

		t.Run("the API sends calendar days and leaves absent ones out", func(t *testing.T) {
			group := env.Town.Groups["海丹三组"].ID
			resp := haidan.Do("POST", "/api/v1/members", fmt.Sprintf(`{"org_id": %d, "name": "日子", "id_number": %q, "status": "applicant", "applied_on": "2025-02-10"}`,
				group, validID("1991-04-05", 5)))
			body := testkit.ReadBody(resp)
			if resp.StatusCode != 201 {
				t.Fatalf("create applicant: %d %s", resp.StatusCode, body)
			}
			days := func(what, body string, has, absent []string) {
				t.Helper()
				want.Days(t, what, body, has, absent)
			}
			has := []string{`"birth_date":"1991-04-05"`, `"applied_on":"2025-02-10"`}
			absent := []string{`"joined_on"`, `"full_on"`, `"left_on"`}
			days("the created member", body, has, absent)
			var m members.Member
			if err := json.Unmarshal([]byte(body), &m); err != nil || m.BirthDate.String() != "1991-04-05" {
				t.Fatalf("the created member reads back as %+v: %v", m, err)
			}
			list := haidan.GetBody(fmt.Sprintf("/api/v1/members?org_id=%d&status=pipeline&q=%s", group, url.QueryEscape("日子")))
			days("the list", list, append(has, `"name":"日子"`), absent)
			// The pipeline's steps, a 三培养 tag and the history are days
			// too, and so is what is due next.
			post := func(path, body string) string {
				t.Helper()
				resp := haidan.Do("POST", "/api/v1/members/"+id(m)+path, body)
				out := testkit.ReadBody(resp)
				if resp.StatusCode/100 != 2 {
					t.Fatalf("POST %s: %d %s", path, resp.StatusCode, out)
				}
				return out
			}
			post("/steps", `{"step": "talk", "on": "2025-03-01"}`)
			post("/steps", `{"step": "activist", "on": "2025-03-20"}`)
			var tag members.Tag
			if err := json.Unmarshal([]byte(post("/tags", `{"kind": "rich_to_member", "started_on": "2025-04-01"}`)), &tag); err != nil {
				t.Fatal(err)
			}
			days("the tag", post("/tags/"+strconv.FormatInt(tag.ID, 10)+"/close", `{"achieved": false, "on": "2025-05-01"}`),
				[]string{`"started_on":"2025-04-01"`, `"ended_on":"2025-05-01"`}, []string{`"achieved_on"`})
			detail := haidan.GetBody("/api/v1/members/" + id(m))
			days("the member detail", detail, append(has, `"talk_on":"2025-03-01"`, `"activist_on":"2025-03-20"`,
				`"on":"2025-03-01"`, `"on":"2025-03-20"`, `"started_on":"2025-04-01"`, `"ended_on":"2025-05-01"`, `"from":"2026-03-20"`),
				append(absent, `"candidate_on"`, `"meeting_on"`, `"approved_on"`, `"extended_on"`, `"rejected_on"`, `"achieved_on"`, `"by"`))
			var got members.Detail
			if err := json.Unmarshal([]byte(detail), &got); err != nil || got.Pipeline == nil || got.Pipeline.TalkOn.String() != "2025-03-01" ||
				got.Pipeline.ActivistOn.String() != "2025-03-20" || got.Due == nil || got.Due.From.String() != "2026-03-20" {
				t.Fatalf("the member detail reads back as %+v: %v", got, err)
			}
			// Leaving dates the record; the day is sent as a day too.
			resp = haidan.Do("POST", "/api/v1/members/"+id(m)+"/leave", `{"reason": "died", "on": "2026-11-20"}`)
			body = testkit.ReadBody(resp)
			if resp.StatusCode != 200 {
				t.Fatalf("leave: %d %s", resp.StatusCode, body)
			}
			days("the member who left", body, append(has, `"left_on":"2026-11-20"`), absent[:2])
		})

		t.Run("a step too early is refused with the earliest date", func(t *testing.T) {
			resp := haidan.Do("POST", "/api/v1/members", fmt.Sprintf(`{"org_id": %d, "name": "早步", "id_number": %q, "status": "applicant", "applied_on": "2025-01-10"}`,
				env.Town.Groups["海丹三组"].ID, validID("1990-02-02", 2)))
			var m members.Member
			json.NewDecoder(resp.Body).Decode(&m)
			resp.Body.Close()
			if resp.StatusCode != 201 || m.ID == 0 {
				t.Fatalf("create applicant: %d", resp.StatusCode)
			}
			for _, s := range []string{`{"step": "talk", "on": "2025-01-20"}`, `{"step": "activist", "on": "2026-03-01"}`} {
				if resp := haidan.Do("POST", "/api/v1/members/"+id(m)+"/steps", s); resp.StatusCode != 200 {
					t.Fatalf("%s: %d %s", s, resp.StatusCode, testkit.ReadBody(resp))
				}
			}
			resp = haidan.Do("POST", "/api/v1/members/"+id(m)+"/steps", `{"step": "candidate", "on": "2026-11-01"}`)
			body := testkit.ReadBody(resp)
			if resp.StatusCode != 422 || !strings.Contains(body, `"rule":"pipeline.activist_year"`) || !strings.Contains(body, `"earliest":"2027-03-01"`) ||
				!strings.Contains(body, "成为积极分子满一年后方可列为发展对象，最早 2027-03-01") {
				t.Fatalf("early candidate (zh): %d %s", resp.StatusCode, body)
			}
			// The page's form shows the same refusal; in English after switching.
			resp = haidan.PostForm("/members/"+id(m)+"/steps", url.Values{"step": {"candidate"}, "on": {"2026-11-01"}})
			body = testkit.ReadBody(resp)
			if resp.StatusCode != 422 || !strings.Contains(body, "最早 2027-03-01") {
				t.Fatalf("early candidate (page): %d %.300s", resp.StatusCode, body)
			}
			haidan.Get("/lang/en?next=/")
			defer haidan.Get("/lang/zh?next=/")
			resp = haidan.PostForm("/members/"+id(m)+"/steps", url.Values{"step": {"candidate"}, "on": {"2026-11-01"}})
			body = testkit.ReadBody(resp)
			if resp.StatusCode != 422 || !strings.Contains(body, "on 2027-03-01 at the earliest") {
				t.Fatalf("early candidate (English page): %d %.300s", resp.StatusCode, body)
			}
			resp = haidan.Do("POST", "/api/v1/members/"+id(m)+"/steps", `{"step": "admit", "on": "2026-11-01", "training_days": 3}`)
			body = testkit.ReadBody(resp)
			if resp.StatusCode != 422 || !strings.Contains(body, `"rule":"pipeline.order"`) {
				t.Fatalf("skipped step: %d %s", resp.StatusCode, body)
			}
		})

		t.Run("import reports bad rows and imports nothing", func(t *testing.T) {
			bad := validID("1970-03-03", 3)
			bad = bad[:17] + map[bool]string{true: "1", false: "0"}[bad[17] == '0']
			file := rosterFile(t, [][]any{
				{"好人", validID("1970-03-03", 4), "海丹六组", "正式党员", "1995-07-01", "1996-07-01"},
				{"坏号", bad, "海丹六组", "正式党员", "1995-07-01", "1996-07-01"},
			})
			before := countMembers(t, env)
			resp := uploadRoster(t, haidan, env.Town.Villages["海丹"].ID, file)
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("upload: %d %s", resp.StatusCode, testkit.ReadBody(resp))
			}
			job := resp.Header.Get("Location")
			body := haidan.GetBody(job)
			if !strings.Contains(body, `id="import-errors"`) || !strings.Contains(body, `<td class="num">3</td><td data-label="列">身份证号</td><td data-label="原因">身份证号校验位不符`) {
				t.Fatalf("job page: %.2000s", body)
			}
			if countMembers(t, env) != before {
				t.Fatal("a bad file imported rows")
			}
			if resp := env.Login(t, "haiga").Get(job); resp.StatusCode != 404 {
				t.Fatalf("haiga reads 海丹's import: %d", resp.StatusCode)
			}
			// Through the API, a good file goes in whole.
			good := rosterFile(t, [][]any{{"好人", validID("1970-03-03", 4), "海丹六组", "正式党员", "1995-07-01", "1996-07-01"}})
			resp = haidan.Do("POST", "/api/v1/member-imports?org_id="+strconv.FormatInt(env.Town.Villages["海丹"].ID, 10), string(good),
				"Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			body = testkit.ReadBody(resp)
			if resp.StatusCode != 202 || !strings.Contains(body, `"state":"done"`) || !strings.Contains(body, `"inserted":1`) {
				t.Fatalf("API import: %d %s", resp.StatusCode, body)
			}
			if countMembers(t, env) != before+1 {
				t.Fatal("the good file was not imported")
			}
		})
	})
}

func countMembers(t *testing.T, env *testkit.Env) int {
	var n int
	if err := env.DB.QueryRow(`SELECT COUNT(*) FROM members`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func rosterFile(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	header := []any{"姓名", "身份证号", "所在支部", "党员状态", "入党日期", "转正日期"}
	for i, r := range append([][]any{header}, rows...) {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// uploadRoster posts a file through the import page's form.
func uploadRoster(t *testing.T, c *testkit.Client, orgID int64, file []byte) *http.Response {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	w.WriteField("csrf", c.CSRF)
	w.WriteField("org_id", strconv.FormatInt(orgID, 10))
	part, _ := w.CreateFormFile("file", "roster.xlsx")
	part.Write(file)
	w.Close()
	return c.Do("POST", "/members/import", body.String(), "Content-Type", w.FormDataContentType())
}
