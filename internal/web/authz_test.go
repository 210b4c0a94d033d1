package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

// The authorization walk: every route that needs a login is requested by
// every low-scope account with ids of another village's records, and must
// refuse. A new route is walked automatically; one whose ids the walk
// cannot find fails the test, so no route goes unwalked.

// foreignVillage is whose records the walkers try to reach; their own
// scopes are 海丹 and 民家一组.
const foreignVillage = "海戛"

// walkers are the accounts bound below the town: village roles of 海丹
// and the branch secretary of 民家一组.
var walkers = []string{"haidan", "zhongxin", "jiandu", "daibiao", "minjia1"}

// foreignIDs finds the id of a record in the walk's subtree (w.at: 海戛
// for the walk, each place of the matrix in authz_matrix_test.go) for a
// path parameter, keyed by the path segment before the parameter ("orgs"
// for /orgs/{id}) or, for parameters that are not record ids, by
// "{name}". A programme whose records the generic look-up (a table named
// like the segment with an org_id column) cannot find adds its entry
// from its own test file:
//
//	func init() { foreignIDs["cases"] = func(w *walk) (int64, error) { … } }
var foreignIDs = map[string]func(w *walk) (int64, error){
	"orgs": func(w *walk) (int64, error) { return w.at.ID, nil },
	"posts": func(w *walk) (int64, error) {
		return w.one(`SELECT x.id FROM posts x JOIN orgs o ON o.id = x.org_id WHERE o.path >= $1 AND o.path < $2
			ORDER BY x.code = 'director' DESC, x.id LIMIT 1`, w.at.Path, db.PathEnd(w.at.Path))
	},
	// /api/v1/towns/{id}/overview: the town is outside every village's scope.
	"towns": func(w *walk) (int64, error) { return w.env.Town.Town.ID, nil },
	// /weak/{id}: a 软弱涣散 flag on 海戛, raised for the walk.
	// The matrix asks again after a write went through: a flag made
	// before is found.
	"weak": func(w *walk) (int64, error) {
		if id, err := w.one(`SELECT COALESCE(MAX(id), 0) FROM weak_flags WHERE org_id = $1`, w.at.ID); err == nil && id != 0 {
			return id, nil
		}
		flagged := day.Today(w.env.Clock).AddMonths(-1)
		f, err := w.env.Svc.Org.Flag(context.Background(), nil, org.NewWeakFlag{OrgID: w.at.ID,
			FlaggedOn: flagged, Reason: "班子不团结", Plan: "调整书记", Deadline: flagged.AddMonths(3)})
		return f.ID, err
	},
	// /account/tokens/{id}: another user's token, made for the walk.
	"tokens": func(w *walk) (int64, error) {
		owner, err := w.one(`SELECT id FROM users WHERE username = 'haiga'`)
		if err != nil {
			return 0, err
		}
		if _, err := w.env.Svc.Auth.CreateAPIToken(context.Background(), &auth.Actor{UserID: owner, Username: "haiga"}, "海戛 sync"); err != nil {
			return 0, err
		}
		return w.one(`SELECT MAX(id) FROM api_tokens WHERE user_id = $1`, owner)
	},
}

// selfRoutes act on the caller's own session, so the walk would log its
// own clients out; security_test.go covers them.
var selfRoutes = map[string]bool{"POST /logout": true, "POST /logout/all": true}

// walk holds one server, the subtree whose records it looks up and the
// ids found so far.
type walk struct {
	t     *testing.T
	env   *testkit.Env
	site  *site
	at    org.Org // 海戛 for the walk
	cache map[string]int64
}

// newWalk looks up records of 海戛.
func newWalk(t *testing.T, s *site) *walk {
	return &walk{t: t, env: s.env, site: s, at: s.env.Town.Villages[foreignVillage], cache: map[string]int64{}}
}

// firstBranch is the first group branch (or, at the town, the first
// organisation) in the walk's subtree.
func (w *walk) firstBranch() (int64, error) {
	return w.one(`SELECT id FROM orgs WHERE path >= $1 AND path < $2 AND type <> 'general_branch' ORDER BY id LIMIT 1`,
		w.at.Path, db.PathEnd(w.at.Path))
}

// one runs a query for a single id.
func (w *walk) one(query string, args ...any) (int64, error) {
	var id int64
	err := w.env.DB.QueryRow(query, args...).Scan(&id)
	return id, err
}

var identifier = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// foreignID resolves one parameter: the registry first, then a table
// named like the segment (or its plural) with an org_id column, taking a
// row whose organisation lies in 海戛's subtree.
func (w *walk) foreignID(segment, param string) (int64, error) {
	key := segment
	if f, ok := foreignIDs["{"+param+"}"]; ok {
		key = "{" + param + "}"
		if id, ok := w.cache[key]; ok {
			return id, nil
		}
		id, err := f(w)
		w.cache[key] = id
		return id, err
	}
	if id, ok := w.cache[key]; ok {
		return id, nil
	}
	var id int64
	var err error
	if f, ok := foreignIDs[segment]; ok {
		id, err = f(w)
	} else {
		id, err = w.generic(segment)
	}
	if err == nil {
		w.cache[key] = id
	}
	return id, err
}

func (w *walk) generic(segment string) (int64, error) {
	if !identifier.MatchString(segment) {
		return 0, fmt.Errorf("segment %q is not a table name", segment)
	}
	v := w.at
	var last error
	for _, table := range []string{segment, segment + "s"} {
		id, err := w.one(`SELECT x.id FROM `+table+` x JOIN orgs o ON o.id = x.org_id
			WHERE o.path >= $1 AND o.path < $2 ORDER BY x.id LIMIT 1`, v.Path, db.PathEnd(v.Path))
		if err == nil {
			return id, nil
		}
		last = err
	}
	return 0, fmt.Errorf("no table %q (or %q) with org_id holding a row of %s: %w", segment, segment+"s", w.at.ShortName, last)
}

// paramPart matches a pattern segment that is a parameter.
var paramPart = regexp.MustCompile(`^\{([a-z_]+)(\.\.\.)?\}$`)

// fill substitutes every parameter of pattern, using lookup for each.
func fill(pattern string, lookup func(segment, param string) (string, error)) (string, error) {
	parts := strings.Split(strings.TrimSuffix(pattern, "{$}"), "/")
	for i, p := range parts {
		m := paramPart.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		seg := ""
		for j := i - 1; j >= 0; j-- {
			if !paramPart.MatchString(parts[j]) {
				seg = parts[j]
				break
			}
		}
		v, err := lookup(seg, m[1])
		if err != nil {
			return "", err
		}
		parts[i] = v
	}
	return strings.Join(parts, "/"), nil
}

// request sends what a curious user would: GET, or a write with an empty
// form or an empty JSON object and valid CSRF proof.
func (w *walk) request(c *testkit.Client, method, path string) (int, string) {
	w.t.Helper()
	sc := scenario{method: method, path: path}
	if method != "GET" && method != "HEAD" {
		if strings.HasPrefix(path, "/api/") {
			sc.json = "{}"
		} else {
			sc.form = url.Values{}
		}
	}
	if method == "HEAD" {
		sc.method = "GET"
	}
	var resp *http.Response
	var body string
	saved := w.site.clients["walker"]
	w.site.clients["walker"] = c
	sc.as = "walker"
	resp, body = w.site.exchange(sc)
	w.site.clients["walker"] = saved
	return resp.StatusCode, body
}

func TestAuthorizationWalk(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		w := newWalk(t, s)
		routes := s.env.Web.Routes()

		// Resolve every foreign id before counting audit rows: making a
		// token for the walk is itself audited.
		type target struct {
			method, pattern, path, ghost string
			hasParams                    bool
		}
		var targets []target
		for _, rt := range routes {
			if strings.HasPrefix(rt.Pattern, "/api/") && !rt.IsPublic() && !rt.TakesToken() {
				t.Errorf("%s %s is an API route that refuses bearer tokens", rt.Method, rt.Pattern)
			}
			if !strings.HasPrefix(rt.Pattern, "/api/") && rt.TakesToken() {
				t.Errorf("%s %s is a page route that accepts bearer tokens", rt.Method, rt.Pattern)
			}
			if rt.IsPublic() || selfRoutes[rt.Method+" "+rt.Pattern] {
				continue
			}
			path, err := fill(rt.Pattern, func(seg, param string) (string, error) {
				id, err := w.foreignID(seg, param)
				return strconv.FormatInt(id, 10), err
			})
			if err != nil {
				t.Errorf("%s %s cannot be walked: %v\n"+
					"  add demo data of %s for it, or an entry to foreignIDs (see authz_test.go)", rt.Method, rt.Pattern, err, foreignVillage)
				continue
			}
			ghost, _ := fill(rt.Pattern, func(string, string) (string, error) { return "987654321", nil })
			targets = append(targets, target{rt.Method, rt.Pattern, path, ghost, path != rt.Pattern})
		}
		if len(targets) < 15 {
			t.Fatalf("only %d routes to walk; is the route table read?", len(targets))
		}

		// The foreign ids are real: 海戛's own leader or the town admin
		// opens each GET with them.
		owner, admin := s.client("haiga"), s.client("admin")
		for _, tg := range targets {
			if tg.method != "GET" || !tg.hasParams {
				continue
			}
			a, _ := w.request(owner, "GET", tg.path)
			b, _ := w.request(admin, "GET", tg.path)
			if a != 200 && b != 200 {
				t.Errorf("GET %s: neither haiga (%d) nor admin (%d) can open %s; the walk would prove nothing", tg.pattern, a, b, tg.path)
			}
		}

		auditBefore := s.auditRows()
		for _, account := range walkers {
			c := s.client(account)
			for _, tg := range targets {
				status, body := w.request(c, tg.method, tg.path)
				what := fmt.Sprintf("%s: %s %s (%s)", account, tg.method, tg.path, tg.pattern)
				if status >= 500 {
					t.Errorf("%s: status %d\n%.300s", what, status, body)
					continue
				}
				if !tg.hasParams {
					continue
				}
				if strings.Contains(body, foreignVillage) {
					t.Errorf("%s: the answer (%d) names %s", what, status, foreignVillage)
				}
				switch {
				case status == 403 || status == 404:
				case status == 400 || status == 422:
					// Refusing the empty input is fine only if the answer is
					// the same for a record that does not exist: then nothing
					// about the foreign record was reached.
					if ghost, _ := w.request(c, tg.method, tg.ghost); ghost != status {
						t.Errorf("%s: status %d for the foreign record but %d for a missing one", what, status, ghost)
					}
				default:
					t.Errorf("%s: status %d, want 403 or 404\n%.300s", what, status, body)
				}
			}
			// The walker is still logged in, so no refusal above was a
			// redirect to the login page in disguise.
			if status, _ := w.request(c, "GET", "/account"); status != 200 {
				t.Fatalf("%s lost the session during the walk (status %d)", account, status)
			}
		}
		if n := s.auditRows(); n != auditBefore {
			rows, _ := d.Query(`SELECT action, actor_name FROM audit_log ORDER BY id DESC LIMIT $1`, n-auditBefore)
			var got []string
			for rows != nil && rows.Next() {
				var a, b string
				rows.Scan(&a, &b)
				got = append(got, b+":"+a)
			}
			t.Fatalf("the walk wrote %d audit rows: %v", n-auditBefore, got)
		}
	})
}

// Lists show only the walker's own subtree.
func TestListsStayInScope(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		exists := map[string]bool{}
		for _, rt := range s.env.Web.Routes() {
			exists[rt.Method+" "+rt.Pattern] = true
		}
		lists := []string{"/orgs", "/orgs?type=general_branch", "/orgs?type=branch", "/orgs?type=industry",
			"/audit", "/api/v1/orgs", "/api/v1/orgs?type=general_branch", "/api/v1/audit"}
		// Programme lists join the check as their routes appear.
		for _, p := range []string{"/households", "/residents", "/members", "/meetings", "/api/v1/households",
			"/api/v1/residents", "/api/v1/members", "/api/v1/meetings"} {
			if exists["GET "+p] {
				lists = append(lists, p)
			}
		}
		for _, account := range walkers {
			for _, path := range lists {
				resp, body := s.exchange(scenario{as: account, path: path})
				if resp.StatusCode == 403 && !s.admits(account, "GET", path) {
					continue // the role holds the list's permission nowhere: the kit's gate
				}
				if resp.StatusCode != 200 {
					t.Errorf("%s: GET %s: status %d", account, path, resp.StatusCode)
					continue
				}
				if strings.Contains(body, foreignVillage) {
					t.Errorf("%s: GET %s shows %s", account, path, foreignVillage)
				}
			}
		}
		// And the check can see a village when it is in scope.
		s.run([]scenario{
			{name: "haidan's villages", as: "haidan", path: "/orgs?type=general_branch", status: 200,
				has: []string{"海丹村党总支"}, hasNot: []string{"海戛", "民家村党总支"}},
			{name: "haidan's API villages", as: "haidan", path: "/api/v1/orgs?type=general_branch", status: 200,
				has: []string{`"short_name":"海丹"`}, hasNot: []string{"海戛"}},
			{name: "minjia1's branches", as: "minjia1", path: "/orgs?type=branch", status: 200,
				has: []string{"民家一组党支部"}, hasNot: []string{"民家二组"}},
			{name: "haiga sees 海戛", as: "haiga", path: "/orgs?type=general_branch", status: 200,
				has: []string{"海戛村党总支"}, hasNot: []string{"海丹"}},
			{name: "the admin sees both", as: "admin", path: "/orgs?type=general_branch", status: 200,
				has: []string{"海戛村党总支", "海丹村党总支"}},
		})
	})
}
