package centres_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/centres"
	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/testkit"
)

func id(n int64) string { return strconv.FormatInt(n, 10) }

// firstID is the smallest id of a table's rows in a village.
func firstID(t *testing.T, env *testkit.Env, table string, village int64) string {
	t.Helper()
	var n int64
	if err := env.DB.QueryRowContext(context.Background(), `SELECT MIN(id) FROM `+table+` WHERE org_id = $1`, village).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return id(n)
}

// haigaStaff adds a centre staff account of 海戛 and logs it in.
func haigaStaff(t *testing.T, env *testkit.Env) *testkit.Client {
	t.Helper()
	if _, err := env.Svc.Auth.AddUser(context.Background(), nil, auth.NewUser{Username: "haiga-zhongxin",
		DisplayName: "海戛村为民服务中心主任", Password: demo.DemoPassword, Role: auth.RoleCentreStaff,
		OrgID: env.Town.Villages["海戛"].ID}); err != nil {
		t.Fatal(err)
	}
	return env.Login(t, "haiga-zhongxin")
}

func TestCentrePages(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin, haidan, staff, jiandu := env.Login(t, "admin"), env.Login(t, "haidan"), env.Login(t, "zhongxin"), env.Login(t, "jiandu")
		hd, hg := env.Town.Villages["海丹"].ID, env.Town.Villages["海戛"].ID
		caseID, theirCase := firstID(t, env, "centre_cases", hd), firstID(t, env, "centre_cases", hg)
		entry, reqID := firstID(t, env, "centre_register", hd), firstID(t, env, "centre_requests", hd)
		today := db.Day(env.Clock.Now()).Format("2006-01-02")
		rows := []struct {
			who *testkit.Client
			x   testkit.Exchange
		}{
			{admin, testkit.Exchange{Name: "town table of 80 centres", Path: "/centres", Status: 200,
				Has: []string{"各村五个中心共 80 个", `id="centres-table"`, "民事调解中心", "海戛", "逾期"}}},
			{haidan, testkit.Exchange{Name: "village leader sees its centres", Path: "/centres", Status: 200, Has: []string{"海丹"}, HasNot: []string{"海戛"}}},
			{haidan, testkit.Exchange{Name: "mediation centre", Path: "/centres/" + id(hd) + "/mediation", Status: 200,
				Has:    []string{"民事调解中心", "村委会主任", `id="history-table"`, `id="cases-table"`, "宅基地", "村干部接待日", "村企信息共享", "受理新案件"},
				HasNot: []string{"/registers/key"}}},
			{staff, testkit.Exchange{Name: "staff sees the register link", Path: "/centres/" + id(hd) + "/service", Status: 200,
				Has: []string{"为民服务中心", "/registers/vulnerable", `id="requests-table"`, "代村民登记"}}},
			{haidan, testkit.Exchange{Name: "education centre gathers duties, 三培养 and the village's trainings", Path: "/centres/" + id(hd) + "/education", Status: 200,
				Has: []string{"教育培训中心", "党总支书记", `id="cultivation-table"`, `id="centre-trainings"`, "/trainings/"}}},
			{haidan, testkit.Exchange{Name: "culture centre", Path: "/centres/" + id(hd) + "/culture", Status: 200,
				Has: []string{"文化活动中心", `id="loans-table"`, "已逾期", "红楼梦", "第 2 版", "花灯戏", "农民文艺汇演"}}},
			{haidan, testkit.Exchange{Name: "a book with a wrong ISBN", Path: "/library/books?org_id=" + id(hd),
				Form: url.Values{"isbn": {"9787020002208"}, "title": {"红楼梦"}, "copies": {"1"}}, Status: 400, Has: []string{"ISBN 不对"}}},
			{haidan, testkit.Exchange{Name: "a book added by ISBN-10", Path: "/library/books?org_id=" + id(hd),
				Form: url.Values{"isbn": {"7-02-000220-X"}, "title": {"红楼梦"}, "copies": {"1"}}, Status: 303}},
			{admin, testkit.Exchange{Name: "API loans", Path: "/api/v1/library/loans", Status: 200, Has: []string{`"due":"overdue"`}}},
			{haidan, testkit.Exchange{Name: "another village's centre", Path: "/centres/" + id(hg) + "/mediation", Status: 404}},
			{haidan, testkit.Exchange{Name: "case list", Path: "/cases", Status: 200, Has: []string{"调解案件", "宅基地"}}},
			{haidan, testkit.Exchange{Name: "case page", Path: "/cases/" + caseID, Status: 200, Has: []string{"调解经过", "结案"}}},
			{haidan, testkit.Exchange{Name: "another village's case", Path: "/cases/" + theirCase, Status: 404}},
			{jiandu, testkit.Exchange{Name: "supervisor reads a case without forms", Path: "/cases/" + caseID, Status: 200, HasNot: []string{"记录调解"}}},
			{haidan, testkit.Exchange{Name: "session with a bad date", Path: "/cases/" + caseID + "/sessions",
				Form: url.Values{"held_on": {"2026-13-01"}, "mediator": {"调解员"}, "note": {"x"}}, Status: 400, Has: []string{"日期"}}},
			{haidan, testkit.Exchange{Name: "session", Path: "/cases/" + caseID + "/sessions",
				Form: url.Values{"held_on": {today}, "mediator": {"调解员"}, "note": {"第二次调解"}}, Status: 303}},
			{haidan, testkit.Exchange{Name: "case opened with an unknown party", Path: "/cases?org_id=" + id(hd),
				Form:   url.Values{"source": {"talk"}, "category": {"land"}, "title": {"纠纷"}, "opened_on": {today}, "resident_id": {"99999999"}},
				Status: 400, Has: []string{"本村没有这个村民"}}},
			{admin, testkit.Exchange{Name: "民情信息 with analysis", Path: "/minqing", Status: 200, Has: []string{"按类别", "按村", "按月", `id="by-month"`}}},
			{staff, testkit.Exchange{Name: "vulnerable register", Path: "/registers/vulnerable", Status: 200,
				Has: []string{"弱势群体", "留守儿童", `id="due-table"`, "导出"}}},
			{staff, testkit.Exchange{Name: "person on a register", Path: "/register-entries/" + entry, Status: 200, Has: []string{"下次走访", "记录走访"}}},
			{haidan, testkit.Exchange{Name: "requests", Path: "/requests", Status: 200, Has: []string{"民事代办", "已逾期"}}},
			{haidan, testkit.Exchange{Name: "request", Path: "/requests/" + reqID, Status: 200, Has: []string{"办理情况"}}},
			{admin, testkit.Exchange{Name: "API town centres", Path: "/api/v1/centres", Status: 200, Has: []string{`"centres"`, `"work"`}}},
			{haidan, testkit.Exchange{Name: "API centre", Path: "/api/v1/centres/" + id(hd) + "/mediation", Status: 200, Has: []string{`"director"`, `"history"`}}},
			{haidan, testkit.Exchange{Name: "API case", Method: "POST", Path: "/api/v1/cases", Status: 201,
				JSON: `{"org_id": ` + id(hd) + `, "source": "letter_visit", "category": "debt", "title": "欠款", "opened_on": "` + today + `", "other_names": ["张三"]}`,
				Has:  []string{`"state":"open"`}}},
			{haidan, testkit.Exchange{Name: "API case rule in English", Method: "POST", Path: "/api/v1/cases/" + caseID + "/close", Status: 422,
				JSON: `{"closed_on": "2020-01-01", "outcome": "withdrawn"}`, Has: []string{`"rule":"case.close_after_sessions"`}}},
			{admin, testkit.Exchange{Name: "API analysis", Path: "/api/v1/minqing/analysis", Status: 200, Has: []string{`"by_month"`}}},
			{staff, testkit.Exchange{Name: "API due visits", Path: "/api/v1/registers/key/due", Status: 200, Has: []string{`"items"`}}},
		}
		for _, r := range rows {
			t.Run(r.x.Name, func(t *testing.T) { r.x.Check(t, r.who) })
		}
	})
}

// TestKeyGroupRegisterIsForTheCentreAndTheTown proves that a branch
// secretary, a village leader and another village's centre staff cannot
// read 海丹's key-group register by page, API or export, while 海丹's
// centre staff and the town can, every read logged and every export
// headed by who exported it and when.
func TestKeyGroupRegisterIsForTheCentreAndTheTown(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		hd := env.Town.Villages["海丹"].ID
		var entry int64
		var name string
		if err := env.DB.QueryRowContext(context.Background(), `SELECT e.id, r.name FROM centre_register e
			JOIN residents r ON r.id = e.resident_id WHERE e.org_id = $1 AND e.register = 'key' ORDER BY e.id LIMIT 1`, hd).
			Scan(&entry, &name); err != nil {
			t.Fatal(err)
		}
		paths := []string{"/registers/key?org_id=" + id(hd), "/register-entries/" + id(entry), "/registers/key/export?org_id=" + id(hd),
			"/api/v1/registers/key?org_id=" + id(hd), "/api/v1/register-entries/" + id(entry),
			"/api/v1/registers/key/export?org_id=" + id(hd), "/api/v1/registers/key/due?org_id=" + id(hd)}
		outsiders := map[string]*testkit.Client{"branch secretary": env.Login(t, "minjia1"), "village leader": env.Login(t, "haidan"),
			"another village's centre staff": haigaStaff(t, env)}
		for who, c := range outsiders {
			for _, p := range paths {
				resp := c.Get(p)
				body := testkit.ReadBody(resp)
				// 404 where the register is out of scope; 403 from the kit's
				// gate for a role that holds centres.sensitive nowhere.
				refused := resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusForbidden
				if !refused || strings.Contains(body, name) {
					t.Errorf("%s: GET %s answered %d", who, p, resp.StatusCode)
				}
			}
			// Their own lists and start page never show 海丹's people.
			// (A role without centres.sensitive is refused them by the gate.)
			for _, p := range []string{"/registers/key", "/api/v1/registers/key", "/api/v1/registers/key/due", "/"} {
				resp := c.Get(p)
				body := testkit.ReadBody(resp)
				if resp.StatusCode != http.StatusOK && (p == "/" || resp.StatusCode != http.StatusForbidden) {
					t.Errorf("%s: GET %s answered %d", who, p, resp.StatusCode)
				}
				if strings.Contains(body, name) {
					t.Errorf("%s: GET %s shows %s", who, p, name)
				}
			}
		}
		logs := func() int {
			var n int
			if err := env.DB.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM read_log WHERE entity = 'centre_register' AND entity_id = $1`,
				entry).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		if logs() != 0 {
			t.Fatal("refused reads were logged as reads")
		}
		for _, who := range []string{"zhongxin", "admin"} {
			c := env.Login(t, who)
			for _, p := range paths {
				resp := c.Get(p)
				body := testkit.ReadBody(resp)
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("%s: GET %s answered %d", who, p, resp.StatusCode)
				}
				if strings.Contains(p, "export") && resp.Header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
					t.Fatalf("%s: export is %s", who, resp.Header.Get("Content-Type"))
				}
				_ = body
			}
		}
		if got := logs(); got < 2*len(paths)-2 {
			t.Fatalf("%d reads of the entry logged for %d looks", got, 2*len(paths))
		}
		// The export names who exported it and when.
		var buf strings.Builder
		staff := env.ActorFor(t, "zhongxin")
		if err := env.Svc.Centres.ExportRegister(context.Background(), staff, centres.RegisterFilter{OrgID: hd, Register: "key"}, &buf); err != nil {
			t.Fatal(err)
		}
		rows := readBook(t, buf.String())
		if rows[0][1] != staff.Name || !regexp.MustCompile(`^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$`).MatchString(rows[1][1]) {
			t.Fatalf("export head %v", rows[:2])
		}
	})
}

func TestPortalFilesAndTracksWithoutAccount(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		hd := env.Town.Villages["海丹"].ID
		anon := env.NewClient(t)
		if body := anon.GetBody("/portal/service"); !strings.Contains(body, "查询进度") || !strings.Contains(body, "海丹") {
			t.Fatal("portal form missing")
		}
		resp := anon.PostForm("/portal/service", url.Values{"org_id": {id(hd)}, "kind": {"certificate"}, "applicant": {"村民 张三"},
			"details": {"开具证明"}})
		body := testkit.ReadBody(resp)
		m := regexp.MustCompile(`id="tracking-code">([A-Z0-9-]+)<`).FindStringSubmatch(body)
		if resp.StatusCode != 200 || m == nil || resp.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("filing answered %d\n%.500s", resp.StatusCode, body)
		}
		code := m[1]
		resp = anon.PostForm("/portal/service/track", url.Values{"code": {code}})
		if body := testkit.ReadBody(resp); resp.StatusCode != 200 || !strings.Contains(body, "已提交") {
			t.Fatalf("tracking answered %d", resp.StatusCode)
		}
		resp = anon.PostForm("/portal/service/track", url.Values{"code": {"2222-3333-4444"}})
		if body := testkit.ReadBody(resp); resp.StatusCode != 400 || !strings.Contains(body, "查询码不对") {
			t.Fatalf("a wrong code answered %d", resp.StatusCode)
		}
		resp = anon.PostForm("/portal/service", url.Values{"org_id": {id(hd)}, "kind": {"certificate"}, "applicant": {""}, "details": {""}})
		if body := testkit.ReadBody(resp); resp.StatusCode != 400 || !strings.Contains(body, "has-error") {
			t.Fatalf("an empty filing answered %d", resp.StatusCode)
		}
	})
}
