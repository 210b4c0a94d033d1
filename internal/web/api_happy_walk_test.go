package web_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// The happy walk: the town admin opens every GET route of the API with
// ids of real records of the town and must be answered 2xx, so the
// testkit's transport checks every success body against the OpenAPI
// document. A route the walk cannot fill fails the test; the ids are
// those of the authorization walk (authz_test.go), whose 海戛 lies in the
// admin's town.

// happyQuery is the query a route needs to answer with a record rather
// than a refusal: a branch for the branch sheets, keyed by pattern.
var happyQuery = map[string]func(w *walk) (url.Values, error){}

func init() {
	// The branch sheets read one branch: 海戛's first group.
	branch := func(w *walk) (url.Values, error) {
		return url.Values{"org_id": {strconv.FormatInt(w.env.Town.Groups["海戛一组"].ID, 10)}}, nil
	}
	for _, p := range []string{"/api/v1/meeting-roster", "/api/v1/duties", "/api/v1/stars", "/api/v1/evaluations"} {
		happyQuery[p] = branch
	}
}

func TestAPIHappyWalk(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		w := newWalk(t, s)
		admin := s.client("admin")
		walked := w.getEvery(admin, func(rt web.Route) bool { return strings.HasPrefix(rt.Pattern, "/api/") },
			func(path string, status int, body string) {
				if status < 200 || status > 299 {
					t.Errorf("GET %s: status %d\n%.300s", path, status, body)
				}
			})
		if walked < 40 {
			t.Fatalf("only %d API GET routes walked; is the route table read?", walked)
		}
	})
}

// getEvery requests, as c, every GET route the filter keeps, with ids of
// real records filled in (and the query happyQuery gives), and hands each
// answer to check; it returns how many routes it requested. A route whose
// ids it cannot fill fails the test.
func (w *walk) getEvery(c *testkit.Client, keep func(web.Route) bool, check func(path string, status int, body string)) int {
	w.t.Helper()
	walked := 0
	for _, rt := range w.env.Web.Routes() {
		if rt.Method != "GET" || !keep(rt) {
			continue
		}
		path, err := fill(rt.Pattern, func(seg, param string) (string, error) {
			id, err := w.foreignID(seg, param)
			return strconv.FormatInt(id, 10), err
		})
		if err != nil {
			w.t.Errorf("GET %s cannot be walked: %v\n  add an entry to foreignIDs (authz_test.go)", rt.Pattern, err)
			continue
		}
		if q, ok := happyQuery[rt.Pattern]; ok {
			v, err := q(w)
			if err != nil {
				w.t.Errorf("GET %s: its query: %v", rt.Pattern, err)
				continue
			}
			path += "?" + v.Encode()
		}
		status, body := w.request(c, "GET", path)
		check(path, status, body)
		walked++
	}
	return walked
}
