package web_test

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// scenario is one HTTP exchange and what must come back.
type scenario struct {
	name     string
	as       string     // demo account; "" for an anonymous visitor
	method   string     // GET when empty
	path     string     // may contain {haidan}, {haiga}, {post} … (see env ids)
	form     url.Values // sent as a form, with the session's CSRF token unless noCSRF
	json     string     // sent as a JSON body, with the X-CSRF-Token header unless noCSRF
	noCSRF   bool
	header   []string // name, value pairs
	status   int
	location string   // the Location header must start with this
	has      []string // the body must contain each
	hasNot   []string // and none of these
}

// site is a started test server with logged-in clients kept per account.
type site struct {
	t       *testing.T
	env     *testkit.Env
	clients map[string]*testkit.Client
	ids     map[string]string // placeholders for scenario paths
}

func newSite(t *testing.T, d *db.DB) *site {
	env := testkit.Start(t, d)
	s := &site{t: t, env: env, clients: map[string]*testkit.Client{}, ids: map[string]string{}}
	for name, v := range env.Town.Villages {
		s.ids["village:"+name] = strconv.FormatInt(v.ID, 10)
	}
	s.ids["post"] = strconv.FormatInt(s.postID("海丹", "director"), 10)
	s.ids["foreign_post"] = strconv.FormatInt(s.postID("海戛", "director"), 10)
	return s
}

// postID is the id of a village post by code, e.g. director (村委会主任).
func (s *site) postID(village, code string) int64 {
	s.t.Helper()
	var id int64
	err := s.env.DB.QueryRow(`SELECT id FROM posts WHERE org_id = $1 AND code = $2`,
		s.env.Town.Villages[village].ID, code).Scan(&id)
	if err != nil {
		s.t.Fatalf("post %s of %s: %v", code, village, err)
	}
	return id
}

func (s *site) client(account string) *testkit.Client {
	if account == "" {
		return s.env.NewClient(s.t)
	}
	if c := s.clients[account]; c != nil {
		return c
	}
	c := s.env.Login(s.t, account)
	s.clients[account] = c
	return c
}

// expand fills {name} placeholders in a path.
func (s *site) expand(path string) string {
	for k, v := range s.ids {
		path = strings.ReplaceAll(path, "{"+k+"}", v)
	}
	return path
}

// send makes exactly the request described, adding nothing the scenario
// did not ask for (the testkit client adds the CSRF header on its own).
func send(t testing.TB, c *testkit.Client, base, method, path string, body io.Reader, contentType string, header ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, base+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// exchange performs a scenario's request and returns status, headers and body.
func (s *site) exchange(sc scenario) (*http.Response, string) {
	s.t.Helper()
	c := s.client(sc.as)
	method := sc.method
	if method == "" {
		method = "GET"
	}
	var header []string
	for _, h := range sc.header {
		header = append(header, s.expand(h))
	}
	var body io.Reader
	var ctype string
	switch {
	case sc.form != nil:
		form := url.Values{}
		for k, v := range sc.form {
			form[k] = v
		}
		if !sc.noCSRF && c.CSRF != "" && form.Get("csrf") == "" {
			form.Set("csrf", c.CSRF)
		}
		body, ctype = strings.NewReader(form.Encode()), "application/x-www-form-urlencoded"
	case sc.json != "":
		body, ctype = strings.NewReader(s.expand(sc.json)), "application/json"
		if !sc.noCSRF && c.CSRF != "" {
			header = append(header, "X-CSRF-Token", c.CSRF)
		}
	}
	resp := send(s.t, c, s.env.Server.URL, method, s.expand(sc.path), body, ctype, header...)
	return resp, testkit.ReadBody(resp)
}

func (s *site) run(list []scenario) {
	for _, sc := range list {
		s.t.Run(sc.name, func(t *testing.T) {
			resp, body := s.exchange(sc)
			if resp.StatusCode != sc.status {
				t.Fatalf("%s %s: status %d, want %d\n%.600s", sc.method, sc.path, resp.StatusCode, sc.status, body)
			}
			if sc.location != "" && !strings.HasPrefix(resp.Header.Get("Location"), s.expand(sc.location)) {
				t.Errorf("Location %q, want %q…", resp.Header.Get("Location"), s.expand(sc.location))
			}
			for _, h := range sc.has {
				if !strings.Contains(body, s.expand(h)) {
					t.Errorf("body lacks %q\n%.600s", s.expand(h), body)
				}
			}
			for _, h := range sc.hasNot {
				if strings.Contains(body, s.expand(h)) {
					t.Errorf("body contains %q", s.expand(h))
				}
			}
		})
	}
}

// sessionsOf counts a user's live session rows.
func sessionsOf(t *testing.T, d *db.DB, username string) int {
	t.Helper()
	var n int
	if err := d.QueryRow(`SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = $1`, username).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (s *site) auditRows() int {
	s.t.Helper()
	var n int
	if err := s.env.DB.QueryRow(`SELECT COUNT(*) FROM audit_log`).Scan(&n); err != nil {
		s.t.Fatal(err)
	}
	return n
}

func TestPagesAndLogin(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		s.run([]scenario{
			{name: "login page", path: "/login", status: 200,
				has: []string{`<form class="stack" method="post" action="/login">`, `name="username"`, `name="password"`, "登录"}},
			{name: "home sends visitors to log in", path: "/", status: 303, location: "/login"},
			{name: "page when logged out", path: "/orgs?type=branch", status: 303, location: "/login?next=%2Forgs%3Ftype%3Dbranch"},
			{name: "post page when logged out", path: "/posts/{post}", status: 303, location: "/login?next=%2Fposts%2F{post}"},
			{name: "form post when logged out", method: "POST", path: "/posts/{post}/assign",
				form: url.Values{"holder_name": {"张三"}}, status: 401, has: []string{"请先登录"}},
			{name: "API when logged out", path: "/api/v1/me", status: 401,
				has: []string{`"code":"unauthenticated"`, `"message":"请先登录。"`}},
			{name: "API write when logged out", method: "POST", path: "/api/v1/orgs", json: `{}`, status: 401,
				has: []string{`"code":"unauthenticated"`}},
			{name: "bad password", method: "POST", path: "/login",
				form: url.Values{"username": {"haidan"}, "password": {"wrong-password"}}, status: 422,
				has: []string{"用户名或密码不正确", `value="haidan"`}, hasNot: []string{"wrong-password"}},
			{name: "unknown user", method: "POST", path: "/login",
				form: url.Values{"username": {"nobody"}, "password": {"dangjian2026"}}, status: 422,
				has: []string{"用户名或密码不正确", `value="nobody"`}},
			{name: "login goes to next", method: "POST", path: "/login",
				form:   url.Values{"username": {"haidan"}, "password": {"dangjian2026"}, "next": {"/orgs?type=branch"}},
				status: 303, location: "/orgs?type=branch"},
			{name: "login refuses an off-site next", method: "POST", path: "/login",
				form:   url.Values{"username": {"haidan"}, "password": {"dangjian2026"}, "next": {"//evil.example/x"}},
				status: 303, location: "/"},
			{name: "login page keeps a safe next", path: "/login?next=/orgs/{village:海丹}", status: 200,
				has: []string{`name="next" value="/orgs/{village:海丹}"`}},
			{name: "login page drops an off-site next", path: "/login?next=https://evil.example", status: 200,
				has: []string{`name="next" value="/"`}, hasNot: []string{"evil.example"}},
			{name: "home lists own organisation", as: "haidan", path: "/", status: 200,
				has: []string{"村干部", `href="/orgs/{village:海丹}"`}},
			{name: "village page", as: "haidan", path: "/orgs/{village:海丹}", status: 200,
				has: []string{"海丹村党总支", `href="/posts/{post}"`, "海丹一组"}},
			{name: "missing record page", as: "haidan", path: "/orgs/99999999", status: 404, has: []string{"找不到该记录"}},
			{name: "non-numeric id", as: "haidan", path: "/orgs/abc", status: 404},
			{name: "missing record API", as: "haidan", path: "/api/v1/orgs/99999999", status: 404,
				has: []string{`"code":"not_found"`}},
			{name: "API bad JSON", as: "admin", method: "POST", path: "/api/v1/orgs", json: `{"name": `, status: 400,
				has: []string{`"code":"invalid"`}},
			{name: "API unknown field", as: "admin", method: "POST", path: "/api/v1/orgs", json: `{"nmae": "x"}`, status: 400,
				has: []string{`"code":"invalid"`}},
			{name: "API field errors", as: "admin", method: "POST", path: "/api/v1/orgs",
				json: `{"parent_id": {village:海丹}, "type": "branch"}`, status: 400,
				has: []string{`"fields":{"name":"必填。"}`}},
			{name: "health", path: "/healthz", status: 200, has: []string{"ok"}},
			{name: "unknown static file", path: "/static/nope.css", status: 404},
		})
	})
}

// hiddenFields are the hidden inputs of the page's form that posts to
// action, as a browser would send them back.
func hiddenFields(t *testing.T, body, action string) url.Values {
	t.Helper()
	m := regexp.MustCompile(`(?s)<form[^>]*action="` + regexp.QuoteMeta(action) + `".*?</form>`).FindString(body)
	if m == "" {
		t.Fatalf("no form posting to %s", action)
	}
	v := url.Values{}
	for _, m := range regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`).FindAllStringSubmatch(m, -1) {
		v.Set(m[1], html.UnescapeString(m[2]))
	}
	return v
}

// On a shared office PC the next person logs in over a live session; the
// login form must carry what the CSRF check asks of a session.
func TestLoginOverLiveSession(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		_, page := s.exchange(scenario{as: "daibiao", path: "/login"})
		form := hiddenFields(t, page, "/login")
		form.Set("username", "haidan")
		form.Set("password", "dangjian2026")
		s.run([]scenario{
			{name: "submit the form as the browser does", as: "daibiao", method: "POST", path: "/login", form: form, noCSRF: true,
				status: 303, location: "/"},
			{name: "now haidan", as: "daibiao", path: "/account", status: 200, has: []string{"(haidan)"}},
		})
		if n := sessionsOf(t, d, "daibiao"); n != 0 {
			t.Fatalf("the previous person's session outlived the new login (%d left)", n)
		}
	})
}

func TestLanguageSwitch(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		s.run([]scenario{
			// An English browser still gets Chinese: English is chosen with the switch.
			{name: "browser language ignored", path: "/login", header: []string{"Accept-Language", "en-GB,en;q=0.8"}, status: 200,
				has: []string{"<html lang=\"zh-CN\">", "登录"}},
			{name: "switch", as: "haidan", path: "/lang/en?next=/orgs/{village:海丹}", status: 303, location: "/orgs/{village:海丹}"},
			{name: "English page", as: "haidan", path: "/orgs/{village:海丹}", status: 200,
				has: []string{"<html lang=\"en\">", "Village committee director", "Log out"}, hasNot: []string{"村委会主任"}},
			{name: "English API errors", as: "haidan", path: "/api/v1/orgs/99999999", status: 404,
				has: []string{"No such record"}},
			{name: "switch back", as: "haidan", path: "/lang/zh?next=/", status: 303, location: "/"},
			{name: "Chinese again", as: "haidan", path: "/orgs/{village:海丹}", status: 200,
				has: []string{"<html lang=\"zh-CN\">", "村委会主任"}},
			{name: "off-site next is dropped", path: "/lang/en?next=//evil.example", status: 303, location: "/"},
		})
		// The choice is saved with the account, so it follows the user to
		// another device without the cookie.
		s.exchange(scenario{as: "haidan", path: "/lang/en?next=/"})
		fresh := s.env.Login(t, "haidan")
		if body := fresh.GetBody("/account"); !strings.Contains(body, "My account") {
			t.Fatalf("saved language not used on a new device:\n%.400s", body)
		}
	})
}

func TestAPIListsAndOpenAPI(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		var page struct {
			Items []struct {
				ID        int64  `json:"id"`
				Type      string `json:"type"`
				ShortName string `json:"short_name"`
			} `json:"items"`
			Next *int64 `json:"next"`
		}
		resp, body := s.exchange(scenario{as: "admin", path: "/api/v1/orgs?type=general_branch"})
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("status %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if err := json.Unmarshal([]byte(body), &page); err != nil {
			t.Fatal(err)
		}
		if len(page.Items) != 16 || page.Next != nil {
			t.Fatalf("admin sees %d villages (next %v), want the seed's 16", len(page.Items), page.Next)
		}
		for _, o := range page.Items {
			if o.Type != "general_branch" {
				t.Fatalf("type filter let through %+v", o)
			}
		}

		// Keyset pages cover the list once, in order.
		seen := map[int64]bool{}
		after := int64(0)
		for pages := 0; ; pages++ {
			_, body := s.exchange(scenario{as: "admin", path: "/api/v1/orgs?type=branch&limit=50&after=" + strconv.FormatInt(after, 10)})
			page.Items, page.Next = nil, nil
			if err := json.Unmarshal([]byte(body), &page); err != nil {
				t.Fatal(err)
			}
			for _, o := range page.Items {
				if seen[o.ID] || o.ID <= after {
					t.Fatalf("org %d repeated or out of order", o.ID)
				}
				seen[o.ID] = true
			}
			if page.Next == nil || pages > 10 {
				break
			}
			after = *page.Next
		}
		if len(seen) != 143 {
			t.Fatalf("paged through %d group branches, want 143", len(seen))
		}

		resp, body = s.exchange(scenario{path: "/api/v1/openapi.json"})
		if resp.StatusCode != 200 {
			t.Fatalf("openapi status %d", resp.StatusCode)
		}
		var doc struct {
			OpenAPI string                               `json:"openapi"`
			Paths   map[string]map[string]map[string]any `json:"paths"`
		}
		if err := json.Unmarshal([]byte(body), &doc); err != nil {
			t.Fatalf("openapi.json is not JSON: %v", err)
		}
		if !strings.HasPrefix(doc.OpenAPI, "3.") {
			t.Fatalf("openapi version %q", doc.OpenAPI)
		}
		n := 0
		for _, rt := range s.env.Web.Routes() {
			if !strings.HasPrefix(rt.Pattern, "/api/") {
				continue
			}
			n++
			p := strings.TrimSuffix(strings.ReplaceAll(rt.Pattern, "...}", "}"), "{$}")
			op, ok := doc.Paths[p][strings.ToLower(rt.Method)]
			if !ok {
				t.Errorf("%s %s is missing from openapi.json", rt.Method, rt.Pattern)
				continue
			}
			if op["summary"] == "" || op["summary"] == nil {
				t.Errorf("%s %s has no summary: add it to the area's apiDocs map", rt.Method, rt.Pattern)
			}
			if strings.Contains(p, "{") && op["parameters"] == nil {
				t.Errorf("%s %s does not declare its path parameters", rt.Method, rt.Pattern)
			}
		}
		if n < 8 {
			t.Fatalf("only %d API routes in the table", n)
		}
	})
}

// Handlers name their page templates as string literals; each must exist,
// or the page fails only when a user first opens it.
func TestRenderedPagesExist(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	inProgrammes, err := filepath.Glob("*/*.go")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, inProgrammes...)
	fset := token.NewFileSet()
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || len(call.Args) < 3 {
				return true
			}
			switch sel.Sel.Name {
			case "Render", "RenderForm", "renderStatus", "renderView", "FormDone":
			default:
				return true
			}
			arg := call.Args[2]
			if (sel.Sel.Name == "renderView" || sel.Sel.Name == "FormDone") && len(call.Args) > 3 {
				arg = call.Args[3]
			}
			lit, ok := arg.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			name, _ := strconv.Unquote(lit.Value)
			found++
			own := filepath.Join(filepath.Dir(f), "templates", "pages", name+".html")
			_, errOwn := os.Stat(own)
			_, errKit := os.Stat(filepath.Join("templates", "pages", name+".html"))
			if errOwn != nil && errKit != nil {
				t.Errorf("%s renders %q but neither %s nor the kit's templates/pages/%s.html exists", fset.Position(call.Pos()), name, own, name)
			}
			return true
		})
	}
	if found < 40 {
		t.Fatalf("found only %d render calls; is the scanner broken?", found)
	}
}
