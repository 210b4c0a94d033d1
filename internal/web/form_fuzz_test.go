package web_test

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// formTarget is one page write route with real records in its path.
type formTarget struct {
	key, path string
	seed      url.Values
}

// formTargets are every POST page of the demo town's route table, their
// ids filled with records the town administrator may change (海戛's, as
// the authorization walk finds them), in a fixed order, each with the
// plausible form of the body walk (authz_body_test.go) as its seed. A new
// page is fuzzed without an entry here.
func formTargets(f *testing.F, env *testkit.Env) []formTarget {
	w := &walk{env: env, at: env.Town.Villages[foreignVillage], cache: map[string]int64{}}
	id := func(seg, param string) (string, error) {
		n, err := w.foreignID(seg, param)
		return strconv.FormatInt(n, 10), err
	}
	// A seed's "$kind", "@kind" and "{kind}" name a record of that kind.
	kindSegment := map[string]string{"branch": "orgs", "org": "orgs", "town": "towns", "member": "members",
		"resident": "residents", "household": "households", "post": "posts"}
	fillKinds := func(s string) string {
		for kind, seg := range kindSegment {
			for _, mark := range []string{"$" + kind, "@" + kind, "{" + kind + "}"} {
				if strings.Contains(s, mark) {
					v, err := id(seg, "id")
					if err != nil {
						f.Fatalf("a %s for a seed: %v", kind, err)
					}
					s = strings.ReplaceAll(s, mark, v)
				}
			}
		}
		return s
	}
	var out []formTarget
	for _, rt := range env.Web.Routes() {
		key := rt.Method + " " + rt.Pattern
		if rt.Method != "POST" || strings.HasPrefix(rt.Pattern, "/api/") || rt.IsPublic() || selfRoutes[key] {
			continue
		}
		path, err := fill(rt.Pattern, id)
		if err != nil {
			f.Fatalf("%s: %v", key, err)
		}
		seed := url.Values{}
		for k, v := range bodyFields[key].form {
			seed.Set(fillKinds(k), fillKinds(v))
		}
		out = append(out, formTarget{key: key, path: path, seed: seed})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

// FuzzPageForms posts arbitrary form bodies, with the session's CSRF
// token, to every page that takes a form, as the town administrator. No
// answer is a server error, and a refusal (4xx) has written nothing: the
// audit log, which every change writes to in its own transaction, has not
// grown. (A success redirects, or shows what was made, such as a 代办's
// tracking code, which is shown once.) Seeds: each page's plausible
// form (authz_body_test.go), plus testdata/fuzz/FuzzPageForms.
func FuzzPageForms(f *testing.F) {
	env := testkit.Start(f, testkit.SQLite(f))
	admin := env.Login(f, "admin")
	targets := formTargets(f, env)
	if len(targets) < 20 {
		f.Fatalf("only %d form pages found; is the route table read?", len(targets))
	}
	for i, tg := range targets {
		f.Add(uint16(i), tg.seed.Encode())
	}
	f.Add(uint16(0), "title=%ZZ&&=&year=99999999999999999999")
	f.Add(uint16(1), "held_on=2026-02-30&amount=1e309&org_id=-1")
	f.Fuzz(func(t *testing.T, which uint16, body string) {
		tg := targets[int(which)%len(targets)]
		before := auditRows(t, env.DB)
		req, err := http.NewRequest("POST", env.Server.URL+tg.path, strings.NewReader(body+"&csrf="+url.QueryEscape(admin.CSRF)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := admin.Client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		page := testkit.ReadBody(resp)
		if resp.StatusCode >= 500 {
			t.Fatalf("%s with %q: status %d\n%.300s", tg.key, body, resp.StatusCode, page)
		}
		if resp.StatusCode >= 400 {
			if after := auditRows(t, env.DB); after != before {
				t.Fatalf("%s with %q: answered %d but wrote %d audit rows", tg.key, body, resp.StatusCode, after-before)
			}
		}
	})
}

func auditRows(t *testing.T, d *db.DB) int64 {
	t.Helper()
	var n int64
	if err := d.QueryRow(`SELECT COUNT(*) FROM audit_log`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
