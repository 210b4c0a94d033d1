package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"dangjian/internal/app"
	"dangjian/internal/auth"
	"dangjian/internal/config"
	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/org"
	"dangjian/internal/services"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// The authorization matrix: every route × every demo account (one per
// role, and the member dangyuan) × three places: the account's own
// subtree, another village, and the town level (an organisation under the
// town that belongs to no village). The expected answer is not written
// per cell: it is the route's declaration (web.Route.Needs / Self, next to
// the route in its programme's routes.go) read through the role table and
// the scope rule of internal/auth:
//
//	allowed = actor.CanAt(route.Perm, place)   (or the record is the caller's own, for Self)
//
// A denied cell must answer 403 (the kit's gate, when the role holds the
// permission nowhere) or 404 (the use case's scope check: outside one's
// scope a record does not exist); an allowed one must get past
// authorization: anything but 401, 403, 404 or a server error (an empty
// write answered 400 or 422 was allowed and then refused as input).
//
// The place's ids go into the path (/members/{id}), into the query where
// the list decides the parameter like a record (listQuery entries of 404)
// and into the body of writes whose ids bodyFields names; routes that take
// no id are one cell per account, decided by the gate alone.

// matrixAccounts are the demo log-ins: one per role, and a plain member.
func matrixAccounts() []demo.Account { return append(slices.Clone(demo.Accounts), demo.MemberAccount) }

// townOnly are path segments whose record is the town itself: they have
// one cell per account, at the town.
var townOnly = map[string]bool{"towns": true}

// villageOnly are the routes whose records exist only at a village (a
// 村党总支): 四议两公开 matters, 五公开 items, 双述双评 rounds. Their lists
// and writes take the village at or above the place (the village of a
// group's account, which lies outside that account's subtree), and a
// place with no village (the town level) has no cell. Programmes add
// their routes from their own test files.
var villageOnly = map[string]bool{}

// place is where a cell's records lie.
type place struct {
	name string  // own, other, town
	at   org.Org // the subtree the records are taken from
}

// cell is one request of the matrix and its expected answer.
type cell struct {
	method, pattern string
	account         string
	place           string
	path            string // with ids and query filled in
	form            url.Values
	json            string
	allow           bool
	gate            bool // refused by the kit's gate (the role holds the permission nowhere)
	header          []string
	seg             string // the path's record, when it has one
	// ghost is the same request for records that do not exist: a refusal
	// as invalid input (400, 422) counts only when a made-up id gets it too.
	ghost *cell
}

type matrix struct {
	t      *testing.T
	s      *site
	town   org.Org // the town-level place: an industry branch under the town
	walks  map[int64]*walk
	actors map[string]*auth.Actor
}

// walkAt is the id look-up of the walk (foreignIDs), pointed at a subtree.
func (m *matrix) walkAt(at org.Org) *walk {
	if w := m.walks[at.ID]; w != nil {
		return w
	}
	w := &walk{t: m.t, env: m.s.env, site: m.s, at: at, cache: map[string]int64{}}
	m.walks[at.ID] = w
	return w
}

// places are an account's own subtree, another village and the town level.
func (m *matrix) places(acc demo.Account) []place {
	tw := m.s.env.Town
	own, other := tw.Villages["海丹"], tw.Villages["海戛"]
	if v, ok := tw.Villages[acc.Org]; ok {
		own = v
	} else if g, ok := tw.Groups[acc.Org]; ok {
		own = g
	}
	if own.ID == tw.Villages["海戛"].ID {
		other = tw.Villages["海丹"]
	}
	return []place{{"own", own}, {"other", other}, {"town", m.town}}
}

// ownerOf finds the user a record of a Self route belongs to.
var ownerOf = map[string]string{
	"tokens":  `SELECT user_id FROM api_tokens WHERE id = $1`,
	"members": `SELECT COALESCE(user_id, 0) FROM members WHERE id = $1`,
}

// ownRecord is the caller's own record for a Self route's segment, 0 when
// the account has none: its API token (made here) or its member record.
func (m *matrix) ownRecord(segment, account string) int64 {
	env := m.s.env
	uid := env.Town.UserIDs[account]
	if uid == 0 {
		if err := env.DB.QueryRow(`SELECT id FROM users WHERE username = $1`, account).Scan(&uid); err != nil {
			m.t.Fatal(err)
		}
	}
	var id int64
	switch segment {
	case "tokens":
		if _, err := env.Svc.Auth.CreateAPIToken(context.Background(), &auth.Actor{UserID: uid, Username: account}, "matrix"); err != nil {
			m.t.Fatal(err)
		}
		env.DB.QueryRow(`SELECT MAX(id) FROM api_tokens WHERE user_id = $1`, uid).Scan(&id)
	case "members":
		env.DB.QueryRow(`SELECT COALESCE(MIN(id), 0) FROM members WHERE user_id = $1`, uid).Scan(&id)
	default:
		m.t.Fatalf("no own record of %q: add it to ownRecord and ownerOf (authz_matrix_test.go)", segment)
	}
	return id
}

func (m *matrix) owns(segment string, id int64, account string) bool {
	q, ok := ownerOf[segment]
	if !ok {
		return false
	}
	var uid int64
	m.s.env.DB.QueryRow(q, id).Scan(&uid)
	return uid != 0 && uid == m.s.env.Town.UserIDs[account]
}

// firstSegment is the literal segment before a pattern's first parameter.
func firstSegment(pattern string) string {
	seg := ""
	fill(pattern, func(s, _ string) (string, error) {
		if seg == "" {
			seg = s
		}
		return "0", nil
	})
	return seg
}

// placeIDs are one record of each kind in the place's subtree; 0 where
// it holds none (the town level has no households).
func (m *matrix) placeIDs(at org.Org) idSet {
	q := func(query string) int64 {
		var id int64
		m.s.env.DB.QueryRow(query, at.Path, db.PathEnd(at.Path)).Scan(&id)
		return id
	}
	in := ` JOIN orgs o ON o.id = x.org_id WHERE o.path >= $1 AND o.path < $2`
	ids := idSet{"org": at.ID, "town": m.s.env.Town.Town.ID}
	ids["member"] = q(`SELECT COALESCE(MIN(x.id), 0) FROM members x` + in + ` AND x.status = 'full' AND o.type <> 'general_branch'`)
	var branch int64
	if err := m.s.env.DB.QueryRow(`SELECT COALESCE((SELECT org_id FROM members WHERE id = $1), 0)`, ids["member"]).Scan(&branch); err != nil {
		m.t.Fatal(err)
	}
	ids["branch"] = branch
	ids["household"] = q(`SELECT COALESCE(MIN(x.id), 0) FROM households x` + in)
	ids["resident"] = q(`SELECT COALESCE(MIN(r.id), 0) FROM residents r JOIN households x ON x.id = r.household_id` + in)
	ids["post"] = q(`SELECT COALESCE(MIN(x.id), 0) FROM posts x` + in)
	// The village at or above the place: its own node or its parent's.
	var village int64
	m.s.env.DB.QueryRow(`SELECT COALESCE(MIN(o.id), 0) FROM orgs o WHERE o.type = 'general_branch' AND o.id IN ($1, $2)`,
		at.ID, at.ParentID).Scan(&village)
	ids["village"] = village
	return ids
}

// villagePath is the path of the village at or above the place, "" when
// there is none.
func (m *matrix) villagePath(ids idSet) string {
	if ids["village"] == 0 {
		return ""
	}
	var path string
	m.s.env.DB.QueryRow(`SELECT path FROM orgs WHERE id = $1`, ids["village"]).Scan(&path)
	return path
}

// decidedParam is the organisation a GET list decides like a record
// (listQuery: org_id 404), "" when it has none. A town_id is a filter
// (a village leader sees their part of the town's fund) or picks among
// towns, and is walked by walkListQueries.
func decidedParam(key string) string {
	switch {
	case listQuery[key]["org_id"] == 404:
		return "org_id"
	case listQuery[key]["town_id"] == 404 && !townPartLists[key]:
		return "town_id"
	}
	return ""
}

// townPartLists take a town_id a village's people may open too, each
// seeing their part of the town (the care fund): the town id is decided
// like a record for other towns (walkListQueries), not by the role's
// reach over the town's node.
var townPartLists = map[string]bool{"GET /fund": true, "GET /api/v1/fund": true}

// stateDecided are the routes whose permission follows the record's
// state, which one declaration cannot say: rejecting an expenditure
// request needs finance.approve while it waits for approval,
// finance.review after, finance.pay once reviewed. They declare the read
// permission the three share; a 403 from the use case at a place the role
// reaches is then the state's answer, not a mismatch (the use-case tests
// of internal/finance hold each state's rule).
var stateDecided = map[string]bool{
	"POST /finance/expenditures/{id}/reject": true, "POST /api/v1/finance/expenditures/{id}/reject": true,
}

// cells lays out the matrix for one route and account.
func (m *matrix) cells(rt web.Route, acc demo.Account) ([]cell, error) {
	a := m.actors[acc.Username]
	key := rt.Method + " " + rt.Pattern
	base := cell{method: rt.Method, pattern: rt.Pattern, account: acc.Username, gate: !rt.Admits(a)}
	write := rt.Method != "GET" && rt.Method != "HEAD"
	empty := func(c cell) cell {
		if write {
			if strings.HasPrefix(rt.Pattern, "/api/") {
				c.json = "{}"
			} else {
				c.form = url.Values{}
			}
		}
		return c
	}
	var out []cell

	// Routes with ids in the path: a record at each place.
	if strings.Contains(strings.TrimSuffix(rt.Pattern, "{$}"), "{") {
		seg := firstSegment(rt.Pattern)
		if rt.Own && rt.Perm == "" {
			// Only the caller's own record, never another's.
			for _, who := range []string{"self", "another"} {
				id := m.ownRecord(seg, acc.Username)
				if who == "another" {
					other := "haiga"
					if acc.Username == other {
						other = "haidan"
					}
					id = m.ownRecord(seg, other)
				}
				path, err := fill(rt.Pattern, func(string, string) (string, error) { return strconv.FormatInt(id, 10), nil })
				if err != nil {
					return nil, err
				}
				c := empty(base)
				c.place, c.path, c.allow = who, path, who == "self"
				out = append(out, c)
			}
			return out, nil
		}
		seen := map[string]string{}
		for _, p := range m.places(acc) {
			if townOnly[seg] && p.name != "town" {
				continue
			}
			w := m.walkAt(p.at)
			var first int64
			path, err := fill(rt.Pattern, func(seg, param string) (string, error) {
				id, err := w.foreignID(seg, param)
				if first == 0 {
					first = id
				}
				return strconv.FormatInt(id, 10), err
			})
			if err != nil {
				if p.name == "town" || p.at.Type != org.TypeGeneralBranch {
					// No such record at the town level, nor in a group's
					// subtree (matters, rounds, trainings are a village's).
					continue
				}
				return nil, fmt.Errorf("no record at %s (%s): %v", p.name, p.at.ShortName, err)
			}
			if other, dup := seen[path]; dup {
				return nil, fmt.Errorf("%s and %s get the same record (%s): the look-up of %q (foreignIDs) must take its record "+
					"from the walk's subtree w.at, not from a named village", other, p.name, path, seg)
			}
			seen[path] = p.name
			where := p.at.Path
			if townOnly[seg] {
				where = m.s.env.Town.Town.Path
			}
			c := empty(base)
			c.place, c.path, c.seg = p.name, path, seg
			c.allow = a.CanAt(rt.Perm, where)
			g := c
			g.path, _ = fill(rt.Pattern, func(string, string) (string, error) { return strconv.FormatInt(ghostID, 10), nil })
			c.ghost = &g
			if rt.Own {
				c.allow = c.allow || m.owns(seg, first, acc.Username)
			}
			out = append(out, c)
		}
		if rt.Own {
			if id := m.ownRecord(seg, acc.Username); id != 0 {
				path, _ := fill(rt.Pattern, func(string, string) (string, error) { return strconv.FormatInt(id, 10), nil })
				c := empty(base)
				c.place, c.path, c.allow = "self", path, true
				out = append(out, c)
			}
		}
		return out, nil
	}

	// Lists that decide an id in the query like a record.
	if !write {
		if param := decidedParam(key); param != "" {
			for _, p := range m.places(acc) {
				ids := m.placeIDs(p.at)
				id, where := ids["branch"], p.at.Path
				if villageOnly[key] {
					if id, where = ids["village"], m.villagePath(ids); id == 0 {
						continue
					}
				}
				if param == "town_id" {
					if p.name != "town" {
						continue
					}
					id, where = m.s.env.Town.Town.ID, m.s.env.Town.Town.Path
				} else if id == 0 {
					id = p.at.ID
				}
				c := base
				c.place, c.path, c.allow = p.name, rt.Pattern+"?"+param+"="+strconv.FormatInt(id, 10), a.CanAt(rt.Perm, where)
				g := c
				g.path = rt.Pattern + "?" + param + "=" + strconv.FormatInt(ghostID, 10)
				c.ghost = &g
				out = append(out, c)
			}
			return out, nil
		}
	}

	// Writes whose body names records: the place's ids in the body.
	if bc := bodyFields[key]; write && len(bc.fields()) > 0 && !bc.filters {
		townOnlyBody := true
		for _, f := range bc.fields() {
			townOnlyBody = townOnlyBody && f.kind == "town"
		}
		for _, p := range m.places(acc) {
			if townOnlyBody && p.name != "town" {
				continue
			}
			ids := m.placeIDs(p.at)
			where := p.at.Path
			if villageOnly[key] {
				if ids["village"] == 0 {
					continue
				}
				ids["org"], where = ids["village"], m.villagePath(ids)
			}
			missing := false
			for _, f := range bc.fields() {
				missing = missing || ids[f.kind] == 0
			}
			if missing {
				if p.name == "town" {
					continue
				}
				return nil, fmt.Errorf("no record of every kind %v at %s (%s)", bc.fields(), p.name, p.at.ShortName)
			}
			form, body, query := bc.build(ids, "", 0)
			if townOnlyBody {
				where = m.s.env.Town.Town.Path
			}
			c := base
			c.place, c.path, c.form, c.json = p.name, rt.Pattern+query, form, body
			if form == nil && body == "" { // the import's file is the body: an empty one
				c.header = []string{"X-CSRF-Token", m.s.client(acc.Username).CSRF}
			}
			c.allow = a.CanAt(rt.Perm, where)
			ghosts := idSet{}
			for k := range ids {
				ghosts[k] = ghostID
			}
			g := c
			g.form, g.json, query = bc.build(ghosts, "", 0)
			g.path = rt.Pattern + query
			c.ghost = &g
			out = append(out, c)
		}
		return out, nil
	}

	// Everything else takes no id: the gate alone decides.
	c := empty(base)
	c.place, c.path, c.allow = "any", rt.Pattern, rt.Admits(a)
	return append(out, c), nil
}

func TestAuthorizationMatrix(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		env := s.env
		m := &matrix{t: t, s: s, walks: map[int64]*walk{}, actors: map[string]*auth.Actor{}}
		var townLevel int64
		if err := d.QueryRow(`SELECT o.id FROM orgs o WHERE o.parent_id = $1 AND o.type = 'industry'
			AND EXISTS (SELECT 1 FROM members x WHERE x.org_id = o.id) ORDER BY o.id LIMIT 1`, env.Town.Town.ID).Scan(&townLevel); err != nil {
			t.Fatalf("no town-level organisation with members: %v", err)
		}
		var err error
		if m.town, err = env.Svc.Org.Get(context.Background(), nil, townLevel); err != nil {
			t.Fatal(err)
		}
		accounts := matrixAccounts()
		for _, acc := range accounts {
			m.actors[acc.Username] = env.ActorFor(t, acc.Username)
		}

		routes, public, skipped := 0, 0, 0
		allowed, denied, gated, asInput, requests := 0, 0, 0, 0, 0
		places, inputRoutes := map[string]int{}, map[string]int{}
		for _, rt := range env.Web.Routes() {
			key := rt.Method + " " + rt.Pattern
			if rt.IsPublic() {
				public++
				continue
			}
			if selfRoutes[key] {
				skipped++ // logging out is tested in security_test.go
				continue
			}
			if !rt.Declared() {
				continue // TestRouteChecklist names it
			}
			routes++
			for _, acc := range accounts {
				cs, err := m.cells(rt, acc)
				if err != nil {
					t.Errorf("%s as %s cannot be laid out: %v\n"+
						"  the matrix takes ids from foreignIDs (authz_test.go), whose entries look in w.at; "+
						"query and body ids from listQuery and bodyFields (authz_body_test.go)", key, acc.Username, err)
					continue
				}
				gateSent := false
				for _, c := range cs {
					places[c.place]++
					if c.gate {
						gated++
						denied++
						// The gate reads the actor's roles only, never the
						// request: one request stands for the pair's places.
						if gateSent {
							continue
						}
						gateSent = true
					}
					requests++
					status, body := m.send(c)
					what := fmt.Sprintf("%s %s as %s at %s (%s, needs %s%s)", c.method, c.path, c.account, c.place, c.pattern, rt.Perm, map[bool]string{true: ", self"}[rt.Own])
					refused := status == 403 || status == 404
					if !c.allow && !refused && c.ghost != nil && (status == 400 || status == 409 || status == 422) {
						// Refused as input before the scope check: fine when
						// a made-up record gets the same answer.
						gs, gb := m.send(*c.ghost)
						if refused = gs == status && digits.ReplaceAllString(apiMessage(gb), "#") == digits.ReplaceAllString(apiMessage(body), "#"); !refused {
							t.Errorf("%s: %d, and %d for records that do not exist\nhere:    %.300s\nmade-up: %.300s", what, status, gs, apiMessage(body), apiMessage(gb))
							continue
						}
						asInput++
						inputRoutes[c.pattern]++
					}
					switch {
					case status >= 500 || status == 401:
						t.Errorf("%s: status %d\n%.300s", what, status, body)
					case c.gate && status != 403:
						t.Errorf("%s: the role holds the permission nowhere, so the kit must refuse with 403; got %d\n%.300s", what, status, apiMessage(body))
					case !c.allow && !refused:
						t.Errorf("%s: expected a refusal (403 or 404), got %d\n%.300s", what, status, apiMessage(body))
					case c.allow && status == 403 && stateDecided[c.method+" "+c.pattern]:
						// Past the gate; which permission the use case asks
						// for depends on the record's state.
					case c.allow && refused:
						t.Errorf("%s: expected to get past authorization, got %d\n%.300s\n"+
							"  if the declaration is right, the use case checks another permission or scope than the route declares",
							what, status, apiMessage(body))
					}
					if write := c.method != "GET"; write && status < 400 && c.seg != "" {
						// A write went through: the next request looks its
						// record up again (a duty deleted, a flag closed).
						for _, w := range m.walks {
							delete(w.cache, c.seg)
						}
					}
					switch {
					case c.gate:
					case c.allow:
						allowed++
					default:
						denied++
					}
				}
			}
		}
		if routes < 100 {
			t.Fatalf("only %d routes in the matrix; is the route table read?", routes)
		}
		t.Logf("refused as invalid input exactly like made-up ids (a body's out-of-scope organisation is a field error; the members API parses dates before the use case decides): %v", inputRoutes)
		editFormsWithTwoRoles(t, s)
		t.Logf("authorization matrix: %d routes (%d public, %d logout routes apart) × %d accounts × up to 3 places = %d cells: %d allowed, %d denied (%d by the kit's gate, %d as invalid input exactly like made-up ids); cells by place %v; %d requests",
			routes, public, skipped, len(accounts), allowed+denied, allowed, denied, gated, asInput, places, requests)
	})
}

// admits reports whether the kit's gate lets an account reach the route
// that serves method and path (with its query), for tests that open pages
// as accounts whose role may not hold the page's permission.
func (s *site) admits(account, method, path string) bool {
	s.t.Helper()
	return admits(s.t, s.env, account, method, path)
}

// gateActors caches the actors admits asks about, per server.
var gateActors sync.Map // "server URL account" → *auth.Actor

func admits(t testing.TB, env *testkit.Env, account, method, path string) bool {
	t.Helper()
	mux := http.NewServeMux()
	for _, rt := range env.Web.Routes() {
		mux.Handle(rt.Method+" "+rt.Pattern, admitsHandler{rt})
	}
	req, err := http.NewRequest(method, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := mux.Handler(req)
	rh, ok := h.(admitsHandler)
	if !ok {
		t.Fatalf("no route serves %s %s", method, path)
	}
	key := env.Server.URL + " " + account
	a, ok := gateActors.Load(key)
	if !ok {
		a, _ = gateActors.LoadOrStore(key, env.ActorFor(t, account))
	}
	return rh.rt.Admits(a.(*auth.Actor))
}

type admitsHandler struct{ rt web.Route }

func (admitsHandler) ServeHTTP(http.ResponseWriter, *http.Request) {}

var digits = regexp.MustCompile(`[0-9]+`)

// send makes a cell's request as its account.
func (m *matrix) send(c cell) (int, string) {
	m.t.Helper()
	resp, body := m.s.exchange(scenario{as: c.account, method: c.method, path: c.path, form: c.form, json: c.json, header: c.header})
	return resp.StatusCode, body
}

// TestRouteChecklist: every route says who may reach it, next to its
// definition. A route without a declaration is refused to everyone by the
// kit (fail closed) and fails here with what to add.
func TestRouteChecklist(t *testing.T) {
	t.Parallel()
	svc, err := services.New(testkit.SQLite(t), testkit.Clock(), testkit.Key)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := app.NewWeb(config.Config{Database: "test", Key: testkit.Key}, svc, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	owner := map[string]string{}
	for _, p := range srv.Programmes() {
		for _, rt := range p.Routes {
			owner[rt.Method+" "+rt.Pattern] = "internal/web/" + p.Name + "/routes.go"
		}
	}
	var self []string
	for _, rt := range srv.Routes() {
		key := rt.Method + " " + rt.Pattern
		file := owner[key]
		if file == "" {
			file = "internal/web/routes.go"
		}
		if !rt.Declared() {
			t.Errorf("%s (%s) declares nobody who may reach it, so the kit refuses it to everyone. Append to its line\n"+
				"    .Needs(auth.PermXxx)  the permission its use case decides on (the perm it passes to Decide, Scope, CanAt or\n"+
				"                          its branchFor/placeFor helper: read routes the read perm, writes the change perm), or\n"+
				"    .Self()               if it acts only on the caller's own account or records, or\n"+
				"  build it with web.Open if anyone may reach it without logging in. The matrix (authz_matrix_test.go) then checks it.",
				key, file)
			continue
		}
		if rt.Perm != "" && !slices.Contains(auth.Perms, rt.Perm) {
			t.Errorf("%s (%s) needs %q, which is not in the role table (internal/auth/roles.go)", key, file, rt.Perm)
		}
		if rt.IsPublic() && (rt.Perm != "" || rt.Own) {
			t.Errorf("%s (%s) is public and declares a permission too; a public route needs nothing", key, file)
		}
		if rt.Own {
			self = append(self, key)
		}
	}
	t.Logf("routes acting on the caller's own records (Self): %v", self)
}

// editFormsWithTwoRoles: the matrix's accounts hold one role each; a user with two roles can
// read where they may not write. An edit form is offered only where the
// user may save it: 403 where they only read, as the save would answer.
// It runs on the matrix's server, after the matrix.
func editFormsWithTwoRoles(t *testing.T, s *site) {
	t.Helper()
	d, env := s.env.DB, s.env
	tw := env.Town
	// kuaiji reads people town-wide and now writes them in 海丹;
	// jiandu reads members in 海丹 and now writes them in 海戛一组.
	for _, b := range []struct {
		user string
		role auth.Role
		org  org.Org
	}{{"kuaiji", auth.RoleVillageLeader, tw.Villages["海丹"]}, {"jiandu", auth.RoleBranchSecretary, tw.Groups["海戛一组"]}} {
		if _, err := d.Exec(`INSERT INTO role_bindings(user_id, role, org_id) VALUES ($1, $2, $3)`, tw.UserIDs[b.user], string(b.role), b.org.ID); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(at org.Org) idSet { return (&matrix{t: t, s: s}).placeIDs(at) }
	haidan, haiga := ids(tw.Villages["海丹"]), ids(tw.Villages["海戛"])
	for _, c := range []struct {
		user, path string
		status     int
	}{
		{"kuaiji", fmt.Sprintf("/residents/%d/edit", haidan["resident"]), 200},
		{"kuaiji", fmt.Sprintf("/residents/%d/edit", haiga["resident"]), 403},
		{"kuaiji", fmt.Sprintf("/households/%d/edit", haidan["household"]), 200},
		{"kuaiji", fmt.Sprintf("/households/%d/edit", haiga["household"]), 403},
		{"kuaiji", fmt.Sprintf("/residents/%d", haiga["resident"]), 200}, // reading stays allowed
		{"jiandu", fmt.Sprintf("/members/%d/edit", haiga["member"]), 200},
		{"jiandu", fmt.Sprintf("/members/%d/edit", haidan["member"]), 403},
		{"jiandu", fmt.Sprintf("/members/%d", haidan["member"]), 200},
	} {
		// A fresh log-in carries the added role.
		resp := env.Login(t, c.user).Get(c.path)
		if body := testkit.ReadBody(resp); resp.StatusCode != c.status {
			t.Errorf("%s: GET %s: status %d, want %d\n%.300s", c.user, c.path, resp.StatusCode, c.status, apiMessage(body))
		}
	}
}
