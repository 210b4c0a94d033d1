package democracy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"dangjian/internal/app"
	"dangjian/internal/config"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/democracy"
	"dangjian/internal/disclosure"
	"dangjian/internal/testkit"
)

// The portal through HTTP: anonymous, cached with ETag and gzip, small,
// and a publication made anywhere shows on every server at once (two
// servers on one database); open data; feedback limited per address;
// the matter API for a cadre.
func TestPortalHTTP(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		ctx := context.Background()
		vid := env.Town.Villages["海丹"].ID
		other, err := app.NewWeb(config.Config{Database: "test", Key: testkit.Key}, env.Svc, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		srvB := httptest.NewServer(other.Handler())
		t.Cleanup(srvB.Close)
		anon := env.NewClient(t)
		page := fmt.Sprintf("/portal/v/%d", vid)

		get := func(base, path string, header ...string) (*http.Response, string) {
			t.Helper()
			req, _ := http.NewRequest("GET", base+path, nil)
			for i := 0; i+1 < len(header); i += 2 {
				req.Header.Set(header[i], header[i+1])
			}
			resp, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			return resp, testkit.ReadBody(resp)
		}
		resp, body := get(env.Server.URL, page)
		etag := resp.Header.Get("ETag")
		if resp.StatusCode != 200 || etag == "" || !strings.Contains(body, "财务收支公开") || len(body) > 60_000 {
			t.Fatalf("village page: %d etag %q %d bytes", resp.StatusCode, etag, len(body))
		}
		if resp, _ := get(env.Server.URL, page, "If-None-Match", etag); resp.StatusCode != http.StatusNotModified {
			t.Fatalf("revalidation: %d", resp.StatusCode)
		}
		if resp, gz := get(env.Server.URL, page, "Accept-Encoding", "gzip"); resp.Header.Get("Content-Encoding") != "gzip" || len(gz) >= len(body)/3 {
			t.Fatalf("gzip: %q, %d of %d bytes", resp.Header.Get("Content-Encoding"), len(gz), len(body))
		}
		// A logged-in visitor gets the same anonymous page.
		leader := env.Login(t, "haidan")
		if b := leader.GetBody(page); strings.Contains(b, "/logout") {
			t.Fatal("the cached portal page shows a session")
		}
		// Published through the service (as if through a third server):
		// both servers show it on their next request.
		_, _ = get(srvB.URL, page)
		if _, err := env.Svc.Democracy.RecordPublished(ctx, nil, disclosure.Draft{OrgID: vid, Category: disclosure.Service,
			Period: "2026-Q4", Title: "为民服务中心冬季办公时间", Body: "上午 9:00–12:00"}, day.Today(env.Clock)); err != nil {
			t.Fatal(err)
		}
		for _, base := range []string{env.Server.URL, srvB.URL} {
			resp, b := get(base, page, "If-None-Match", etag)
			if resp.StatusCode != 200 || !strings.Contains(b, "为民服务中心冬季办公时间") {
				t.Fatalf("%s after publishing: %d", base, resp.StatusCode)
			}
		}
		// Items, notices and open data.
		items, err := env.Svc.Democracy.PortalItems(ctx, democracy.PortalFilter{OrgID: vid, Limit: 1})
		if err != nil || len(items) == 0 {
			t.Fatal(err)
		}
		for _, p := range []string{fmt.Sprintf("%s/items/%d", page, items[0].ID), fmt.Sprintf("%s/notice/%d", page, items[0].ID), "/portal/"} {
			if b := anon.GetBody(p); len(b) > 60_000 {
				t.Fatalf("%s is %d bytes", p, len(b))
			}
		}
		if b := anon.GetBody(fmt.Sprintf("%s/notice/%d", page, items[0].ID)); !strings.Contains(b, "<svg class=\"qr\"") || !strings.Contains(b, items[0].Code) {
			t.Fatal("notice without QR or code")
		}
		var data struct {
			Items []struct{ Code, Title string } `json:"items"`
		}
		if err := json.Unmarshal([]byte(anon.GetBody(page+"/data.json")), &data); err != nil || len(data.Items) < 25 {
			t.Fatalf("open data JSON: %d items %v", len(data.Items), err)
		}
		if csv := anon.GetBody(page + "/data.csv"); !strings.HasPrefix(csv, "\ufeffid,category,period,title") {
			t.Fatalf("open data CSV starts %.40q", csv)
		}
		// Drafts are not public; other addresses are not villages.
		var draft int64
		_ = env.DB.QueryRow(`SELECT id FROM disclosures WHERE org_id = $1 AND state = 'draft'`, vid).Scan(&draft)
		for _, p := range []string{fmt.Sprintf("%s/items/%d", page, draft), "/portal/nothing", fmt.Sprintf("/portal/v/%d", env.Town.Groups["海丹一组"].ID)} {
			if resp := anon.Get(p); resp.StatusCode != http.StatusNotFound {
				t.Fatalf("%s: %d", p, resp.StatusCode)
			}
		}
		// Feedback: three an hour from one address.
		for i := 0; i < 4; i++ {
			resp := anon.PostForm(page+"/feedback", url.Values{"body": {"请公开村道工程的验收报告。"}})
			want := http.StatusSeeOther
			if i == 3 {
				want = http.StatusTooManyRequests
			}
			if resp.StatusCode != want && !(i == 3 && resp.StatusCode == http.StatusUnprocessableEntity) {
				t.Fatalf("feedback %d: %d", i, resp.StatusCode)
			}
			if i == 3 && !strings.Contains(testkit.ReadBody(resp), "每小时最多 3 条") {
				t.Fatal("rate refusal without its numbers")
			}
		}
		// The matter API, checked against the OpenAPI document.
		admin := env.Login(t, "admin")
		resp = admin.Do("POST", "/api/v1/matters", fmt.Sprintf(`{"org_id": %d, "title": "修缮村卫生室", "amount_fen": 500000}`, vid))
		var m democracy.Matter
		if err := json.Unmarshal([]byte(testkit.ReadBody(resp)), &m); resp.StatusCode != 201 || err != nil {
			t.Fatalf("create matter: %d %v", resp.StatusCode, err)
		}
		resp = admin.Do("POST", fmt.Sprintf("/api/v1/matters/%d/steps", m.ID), `{"step": 2, "held_on": "2026-11-20", "present": 3, "yes": 3}`)
		if b := testkit.ReadBody(resp); resp.StatusCode != 422 || !strings.Contains(b, `"rule":"matter.step_order"`) {
			t.Fatalf("out of order via API: %d %s", resp.StatusCode, b)
		}
		for _, p := range []string{"/api/v1/matters", fmt.Sprintf("/api/v1/matters/%d", m.ID), "/api/v1/disclosure-late"} {
			if resp := admin.Get(p); resp.StatusCode != 200 {
				t.Fatalf("%s: %d", p, resp.StatusCode)
			}
		}
		// The town's own rules: shown with their defaults, set by the town.
		if b := admin.GetBody("/democracy-rules"); !strings.Contains(b, "quorum.representatives") {
			t.Fatal("rules page without its rules")
		}
		if resp := admin.PostForm(fmt.Sprintf("/democracy-rules?town_id=%d", env.Town.Town.ID), url.Values{"rule": {"quorum.representatives"},
			"num": {"4"}, "den": {"5"}, "strict": {"0"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("set a rule: %d %s", resp.StatusCode, testkit.ReadBody(resp))
		}
		if r, _ := env.Svc.Democracy.TownRules(ctx, nil, env.Town.Town.ID); r.Get(democracy.RuleQuorumRepresentatives).Num != 4 {
			t.Fatal("rule not set")
		}
		if resp := leader.Get("/democracy-rules"); resp.StatusCode != http.StatusNotFound {
			t.Fatalf("a village leader opens the town's rules: %d", resp.StatusCode)
		}
		if resp := env.Login(t, "haiga").Get(fmt.Sprintf("/api/v1/matters/%d", m.ID)); resp.StatusCode != 404 {
			t.Fatalf("another village's matter: %d", resp.StatusCode)
		}
	})
}
