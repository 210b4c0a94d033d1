package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

func TestCSRF(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		before := s.auditRows()
		assign := url.Values{"holder_name": {"王建华"}, "started_on": {"2026-11-26"}}
		s.run([]scenario{
			{name: "form without token", as: "haidan", method: "POST", path: "/posts/{post}/assign",
				form: assign, noCSRF: true, status: 403, has: []string{"页面已过期"}},
			{name: "form with a wrong token", as: "haidan", method: "POST", path: "/posts/{post}/assign",
				form: url.Values{"holder_name": {"王建华"}, "started_on": {"2026-11-26"}, "csrf": {"forged"}}, status: 403},
			{name: "cross-site form with the token", as: "haidan", method: "POST", path: "/posts/{post}/assign",
				form: assign, header: []string{"Sec-Fetch-Site", "cross-site"}, status: 403, has: []string{"其他网站"}},
			{name: "foreign origin with the token", as: "haidan", method: "POST", path: "/posts/{post}/assign",
				form: assign, header: []string{"Origin", "https://evil.example"}, status: 403},
			{name: "API write with a session but no header", as: "haidan", method: "POST", path: "/api/v1/posts/{post}/assign",
				json: `{"holder_name": "王建华", "started_on": "2026-11-26"}`, noCSRF: true, status: 403,
				has: []string{`"code":"forbidden"`}},
			{name: "logout without token", as: "haidan", method: "POST", path: "/logout", form: url.Values{}, noCSRF: true, status: 403},
		})
		if n := s.auditRows(); n != before {
			t.Fatalf("refused requests wrote %d audit rows", n-before)
		}
		s.run([]scenario{
			{name: "same-site form with the token", as: "haidan", method: "POST", path: "/posts/{post}/assign",
				form: assign, header: []string{"Sec-Fetch-Site", "same-origin"}, status: 303, location: "/posts/{post}"},
			{name: "the change is there", as: "haidan", path: "/posts/{post}", status: 200, has: []string{"王建华", "任职已更新"}},
			{name: "the flash is shown once", as: "haidan", path: "/posts/{post}", status: 200, hasNot: []string{"任职已更新"}},
		})
		if n := s.auditRows(); n != before+1 {
			t.Fatalf("one assignment wrote %d audit rows", n-before)
		}
	})
}

func TestSecurityHeadersAndCookies(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		for _, path := range []string{"/login", "/api/v1/me", "/orgs/1", "/static/app.css", "/api/v1/openapi.json"} {
			resp, _ := s.exchange(scenario{path: path})
			h := resp.Header
			for name, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
				"Referrer-Policy": "same-origin"} {
				if h.Get(name) != want {
					t.Errorf("%s: %s = %q, want %q", path, name, h.Get(name), want)
				}
			}
			csp := h.Get("Content-Security-Policy")
			for _, part := range []string{"default-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "script-src 'self'"} {
				if !strings.Contains(csp, part) {
					t.Errorf("%s: CSP %q lacks %q", path, csp, part)
				}
			}
		}
		resp, body := s.exchange(scenario{path: "/login"})
		if m := regexp.MustCompile(`/static/app\.css\?v=[0-9a-f]{8}`).FindString(body); m == "" {
			t.Error("the stylesheet is not linked by a checksum URL")
		} else if resp, _ := s.exchange(scenario{path: m}); resp.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" {
			t.Errorf("checksum URL cache: %q", resp.Header.Get("Cache-Control"))
		}
		_ = resp
		// What a logged-in user reads is not kept by the browser or a proxy:
		// on a shared office PC, Back after logging out shows nothing.
		for _, path := range []string{"/orgs/1", "/api/v1/me"} {
			if resp, _ := s.exchange(scenario{as: "haidan", path: path}); resp.Header.Get("Cache-Control") != "no-store" {
				t.Errorf("%s as haidan: Cache-Control %q, want no-store", path, resp.Header.Get("Cache-Control"))
			}
		}

		resp, _ = s.exchange(scenario{method: "POST", path: "/login",
			form: url.Values{"username": {"haidan"}, "password": {"dangjian2026"}}})
		var session *http.Cookie
		for _, c := range resp.Cookies() {
			if c.Name == "dj_session" {
				session = c
			}
		}
		if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode || session.Path != "/" {
			t.Fatalf("session cookie %+v", session)
		}
		if len(session.Value) < 40 {
			t.Fatalf("session token too short: %d characters", len(session.Value))
		}
	})
}

// newToken creates an API token through the account page and returns it
// with the id of its revoke form.
func newToken(t *testing.T, s *site, account, name string) (token, id string) {
	t.Helper()
	resp, body := s.exchange(scenario{as: account, method: "POST", path: "/account/tokens", form: url.Values{"name": {name}}})
	if resp.StatusCode != 200 {
		t.Fatalf("create token: %d", resp.StatusCode)
	}
	token = regexp.MustCompile(`id="new-token">(dj_[A-Za-z0-9_-]+)<`).FindStringSubmatch(body)[1]
	ids := regexp.MustCompile(`/account/tokens/(\d+)/revoke`).FindAllStringSubmatch(body, -1)
	return token, ids[len(ids)-1][1]
}

func TestAPITokenLifecycle(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		token, id := newToken(t, s, "haidan", "统计报表")
		s.ids["token"], s.ids["token_id"] = token, id
		bearer := []string{"Authorization", "Bearer {token}"}
		s.run([]scenario{
			{name: "token shown once", as: "haidan", path: "/account", status: 200, has: []string{"统计报表"}, hasNot: []string{"{token}"}},
			{name: "me with the token", path: "/api/v1/me", header: bearer, status: 200,
				has: []string{`"username":"haidan"`, `"role":"village_leader"`, `"org_id":{village:海丹}`}},
			{name: "token reads in scope", path: "/api/v1/orgs/{village:海丹}", header: bearer, status: 200},
			{name: "token does not read out of scope", path: "/api/v1/orgs/{village:海戛}", header: bearer, status: 404},
			{name: "token writes without CSRF", method: "POST", path: "/api/v1/posts/{post}/assign", header: bearer,
				json: `{"holder_name": "李卫东", "started_on": "2026-11-26"}`, status: 200, has: []string{`"holder_name":"李卫东"`}},
			{name: "token is not a page login", path: "/account", header: bearer, status: 303, location: "/login"},
			{name: "made-up token", path: "/api/v1/me", header: []string{"Authorization", "Bearer dj_madeup"}, status: 401,
				has: []string{"API 令牌无效或已撤销"}},
			{name: "someone else cannot revoke it", as: "haiga", method: "POST", path: "/account/tokens/{token_id}/revoke",
				form: url.Values{}, status: 404},
			{name: "still works", path: "/api/v1/me", header: bearer, status: 200},
			{name: "revoke", as: "haidan", method: "POST", path: "/account/tokens/{token_id}/revoke", form: url.Values{},
				status: 303, location: "/account"},
			{name: "revoked token", path: "/api/v1/me", header: bearer, status: 401, has: []string{`"code":"unauthenticated"`}},
			{name: "gone from the account page", as: "haidan", path: "/account", status: 200, hasNot: []string{"统计报表"}},
		})
	})
}

func TestLogoutEverywhereAndPasswordChange(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		phone := s.env.Login(t, "haidan")
		s.clients["office"] = s.env.Login(t, "haidan")
		s.clients["phone"] = phone
		s.run([]scenario{
			{name: "logout", as: "office", method: "POST", path: "/logout", form: url.Values{}, status: 303, location: "/login"},
			{name: "office is logged out", as: "office", path: "/account", status: 303, location: "/login"},
			{name: "phone still in", as: "phone", path: "/account", status: 200},
		})
		s.clients["office"] = s.env.Login(t, "haidan")
		s.run([]scenario{
			{name: "logout everywhere", as: "phone", method: "POST", path: "/logout/all", form: url.Values{}, status: 303, location: "/login"},
			{name: "office ended too", as: "office", path: "/account", status: 303, location: "/login"},
			{name: "API by the ended session", as: "office", path: "/api/v1/me", status: 401},
		})

		s.clients["a"] = s.env.Login(t, "haidan")
		s.clients["b"] = s.env.Login(t, "haidan")
		s.run([]scenario{
			{name: "new passwords differ", as: "a", method: "POST", path: "/account/password", status: 400,
				form: url.Values{"old_password": {"dangjian2026"}, "new_password": {"brand-new-1"}, "new_password2": {"brand-new-2"}},
				has:  []string{"两次输入的新密码不一致"}},
			{name: "wrong old password", as: "a", method: "POST", path: "/account/password", status: 400,
				form: url.Values{"old_password": {"guess"}, "new_password": {"brand-new-1"}, "new_password2": {"brand-new-1"}},
				has:  []string{"原密码不正确"}},
			{name: "too short", as: "a", method: "POST", path: "/account/password", status: 400,
				form: url.Values{"old_password": {"dangjian2026"}, "new_password": {"short"}, "new_password2": {"short"}},
				has:  []string{"密码至少 8 位"}},
			{name: "change", as: "a", method: "POST", path: "/account/password", status: 303, location: "/login",
				form: url.Values{"old_password": {"dangjian2026"}, "new_password": {"brand-new-1"}, "new_password2": {"brand-new-1"}}},
			{name: "other session ended", as: "b", path: "/account", status: 303, location: "/login"},
			{name: "old password refused", method: "POST", path: "/login", status: 422,
				form: url.Values{"username": {"haidan"}, "password": {"dangjian2026"}}},
			{name: "new password works", method: "POST", path: "/login", status: 303,
				form: url.Values{"username": {"haidan"}, "password": {"brand-new-1"}}},
		})
		if sessions := sessionsOf(t, d, "haidan"); sessions != 1 {
			t.Fatalf("haidan has %d sessions; only the last login should be left", sessions)
		}
	})
}

func TestLoginThrottleOverHTTP(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		bad := url.Values{"username": {"daibiao"}, "password": {"guess"}}
		var list []scenario
		for i := 0; i < 5; i++ {
			list = append(list, scenario{name: "failure", method: "POST", path: "/login", form: bad, status: 422,
				has: []string{"用户名或密码不正确"}})
		}
		right := url.Values{"username": {"daibiao"}, "password": {"dangjian2026"}}
		list = append(list, scenario{name: "locked", method: "POST", path: "/login", form: right, status: 422,
			has: []string{"登录失败次数过多，请 15 分钟后再试", `value="daibiao"`}})
		s.run(list)
		s.env.Clock.T = s.env.Clock.T.Add(15 * time.Minute)
		s.run([]scenario{{name: "lifted", method: "POST", path: "/login", form: right, status: 303, location: "/"}})
	})
}

func TestOutputIsEscaped(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		evil := `<script>alert("x")</script>`
		s.run([]scenario{
			{name: "assign a hostile name", as: "haidan", method: "POST", path: "/posts/{post}/assign", status: 303,
				form: url.Values{"holder_name": {evil}, "started_on": {"2026-11-26"}}},
			{name: "post page", as: "haidan", path: "/posts/{post}", status: 200,
				has: []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"}, hasNot: []string{evil}},
			{name: "audit page", as: "haidan", path: "/audit", status: 200, hasNot: []string{evil}},
			{name: "API", as: "haidan", path: "/api/v1/posts/{post}", status: 200,
				has: []string{`\u003cscript\u003e`}, hasNot: []string{evil}},
		})
	})
}
