package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

// The body walk: a low-scope account opens a write route on its OWN
// record, so the path passes, and puts another village's ids into the
// body. Each foreign id must be answered exactly like an id that does not
// exist, and nothing outside the account's scope may be written. The same
// server then walks every list with another village's ids in its query
// (walkListQueries).

// bodyFields names, for every write route, the ids its handler reads from
// the body (or, for pages, the form; web.QueryInt reads both). A value
// "$kind" is an id of that kind; in a form key "{kind}" is one (meeting
// attendance is att_<member id>). Everything else is a plausible value so
// that the id, not a missing title, decides the answer. A write route
// without an entry fails TestBodyIDsStayInScope: a new route must state
// its fields, and an empty entry says it takes none.
var bodyFields = map[string]bodyCase{
	// sites: the site is the path's; only the schedule takes a town.
	"POST /site-rates":                      {form: map[string]string{"town_id": "$town", "level": "branch", "kind": "new", "amount": "100"}},
	"POST /sites/{id}/budget":               {},
	"POST /sites/{id}/disbursements":        {},
	"POST /sites/{id}/milestones":           {},
	"POST /sites/{id}/accept":               {},
	"POST /api/v1/sites/{id}/disbursements": {},
	"POST /api/v1/sites/{id}/milestones":    {},

	// prosperity: a training is created in a village; sessions and
	// completion take the village's residents.
	"POST /trainings":                      {form: map[string]string{"village_id": "@org", "kind": "tech_visit", "title": "科技下乡", "trainer": "县农技站", "skill": "养殖", "started_on": "2026-11-01"}},
	"POST /trainings/{id}/sessions":        {form: map[string]string{"held_on": "2026-11-20", "topic": "防疫", "hours": "2", "resident_ids": "$resident"}},
	"POST /trainings/{id}/complete":        {form: map[string]string{"earned_on": "2026-11-20", "resident_ids": "$resident"}},
	"POST /api/v1/trainings/{id}/sessions": {json: `{"held_on": "2026-11-20", "topic": "防疫", "hours": 2, "resident_ids": ["$resident"]}`},

	// org
	"POST /orgs/{id}/children":              {},
	"POST /orgs/{id}/edit":                  {},
	"POST /orgs/{id}/weak":                  {},
	"POST /posts/{id}/assign":               {form: map[string]string{"holder_name": "张三", "resident_id": "$resident", "started_on": "2026-01-01"}},
	"POST /posts/{id}/vacate":               {},
	"POST /weak/{id}/plan":                  {},
	"POST /weak/{id}/close":                 {},
	"POST /api/v1/orgs":                     {json: `{"parent_id": "$org", "type": "branch", "name": "测试支部", "short_name": "测试", "sort_order": 0}`},
	"PUT /api/v1/orgs/{id}":                 {},
	"POST /api/v1/orgs/{id}/weak":           {},
	"POST /api/v1/posts/{id}/assign":        {json: `{"holder_name": "张三", "resident_id": "$resident", "started_on": "2026-01-01"}`},
	"POST /api/v1/posts/{id}/vacate":        {},
	"POST /api/v1/weak/{id}/plan":           {},
	"POST /api/v1/weak/{id}/close":          {},
	"POST /account/tokens":                  {},
	"POST /account/tokens/{id}/revoke":      {},
	"POST /account/password":                {},
	"POST /meetings":                        {form: map[string]string{"org_id": "$branch", "kind": "committee", "topic": "学习", "held_on": "2026-11-20", "place": "村委会", "minutes": "学习文件", "att_{member}": "present"}},
	"POST /duties":                          {form: map[string]string{"org_id": "@org", "year": "2026", "member_id": "$member", "post": "政策宣传岗", "duty": "每月宣讲"}},
	"POST /duties/{id}/delete":              {}, // org_id only picks the page to return to
	"POST /stars":                           {form: map[string]string{"org_id": "@org", "year": "2026", "member_id": "$member", "leads": "study"}},
	"POST /evaluations":                     {form: map[string]string{"org_id": "$branch", "year": "2026", "held_on": "2026-11-20", "grade_{member}": "excellent"}},
	"POST /suggestions":                     {form: map[string]string{"member_id": "$member", "title": "修路", "body": "村口的路需要修"}},
	"POST /suggestions/{id}/reply":          {},
	"POST /fund/income":                     {form: map[string]string{"town_id": "$town", "amount": "100", "on_date": "2026-03-01", "description": "上级拨款"}},
	"POST /fund/grants":                     {form: map[string]string{"member_id": "$member", "amount": "500", "reason": "困难党员慰问"}},
	"POST /fund/grants/{id}/decide":         {},
	"POST /me/suggestions":                  {},
	"POST /api/v1/meetings":                 {json: `{"org_id": "$branch", "kind": "committee", "topic": "学习", "held_on": "2026-11-20", "place": "村委会", "minutes": "学习文件", "attendance": [{"member_id": "$member", "present": true}]}`},
	"POST /api/v1/duties":                   {json: `{"member_id": "$member", "year": 2026, "post": "政策宣传岗", "duty": "每月宣讲"}`},
	"DELETE /api/v1/duties/{id}":            {},
	"POST /api/v1/stars":                    {json: `{"member_id": "$member", "year": 2026, "leads": ["study"]}`},
	"POST /api/v1/evaluations":              {json: `{"org_id": "$branch", "year": 2026, "held_on": "2026-11-20", "grades": [{"member_id": "$member", "grade": "excellent"}]}`},
	"POST /api/v1/suggestions":              {json: `{"member_id": "$member", "title": "修路", "body": "村口的路需要修"}`},
	"POST /api/v1/suggestions/{id}/reply":   {},
	"POST /api/v1/fund/income":              {json: `{"town_id": "$town", "amount_fen": 10000, "on_date": "2026-03-01", "description": "上级拨款"}`},
	"POST /api/v1/fund/grants":              {json: `{"member_id": "$member", "amount_fen": 50000, "reason": "困难党员慰问"}`},
	"POST /api/v1/fund/grants/{id}/approve": {},
	"POST /api/v1/fund/grants/{id}/reject":  {},
	"POST /api/v1/me/suggestions":           {},
	// members
	"POST /members/import":                       {form: map[string]string{"org_id": "$org"}},
	"POST /members":                              {form: map[string]string{"org_id": "$org", "name": "李四", "id_number": "530325198001011232", "status": "full", "joined_on": "2010-07-01", "full_on": "2011-07-01", "category": "veteran"}},
	"POST /members/{id}":                         {},
	"POST /members/{id}/transfer":                {form: map[string]string{"to_org_id": "$org", "on": "2026-11-01"}},
	"POST /members/{id}/leave":                   {},
	"POST /members/{id}/mobile":                  {},
	"POST /members/{id}/steps":                   {},
	"POST /members/{id}/tags":                    {},
	"POST /members/{id}/tags/{tag}/close":        {},
	"POST /api/v1/members":                       {json: `{"org_id": "$org", "name": "李四", "id_number": "530325198001011232", "status": "full", "joined_on": "2010-07-01", "full_on": "2011-07-01", "category": "veteran"}`},
	"POST /api/v1/member-imports":                {query: map[string]string{"org_id": "$org"}},
	"POST /api/v1/members/{id}":                  {},
	"POST /api/v1/members/{id}/transfer":         {json: `{"to_org_id": "$org", "on": "2026-11-01"}`},
	"POST /api/v1/members/{id}/leave":            {},
	"POST /api/v1/members/{id}/mobile":           {},
	"POST /api/v1/members/{id}/steps":            {},
	"POST /api/v1/members/{id}/tags":             {},
	"POST /api/v1/members/{id}/tags/{tag}/close": {},
	// people
	"POST /households":                   {form: map[string]string{"org_id": "$org", "code": "测试-99-001", "head_name": "王五", "address": "测试路1号"}},
	"POST /households/{id}/edit":         {form: map[string]string{"org_id": "$org", "code": "测试-99-002", "head_name": "王五", "address": "测试路1号"}},
	"POST /households/{id}/residents":    {},
	"POST /residents/search":             {form: map[string]string{"org_id": "$org"}, filters: true},
	"POST /households/search":            {form: map[string]string{"org_id": "$org"}, filters: true},
	"POST /residents/{id}/edit":          {}, // residentForm(r, 0): the household is not read
	"POST /residents/{id}/reveal":        {},
	"POST /api/v1/households":            {json: `{"org_id": "$org", "code": "测试-99-003", "head_name": "王五", "address": "测试路1号"}`},
	"PUT /api/v1/households/{id}":        {json: `{"org_id": "$org", "code": "测试-99-004", "head_name": "王五", "address": "测试路1号"}`},
	"POST /api/v1/residents/search":      {json: `{"org_id": "$org"}`, filters: true},
	"POST /api/v1/residents":             {json: `{"household_id": "$household", "name": "王小五", "id_number": "", "relation": "child"}`},
	"PUT /api/v1/residents/{id}":         {}, // the handler clears household_id
	"POST /api/v1/residents/{id}/reveal": {},
	// democracy
	"POST /matters":                   {form: map[string]string{"org_id": "$org", "title": "修路", "amount": "100"}},
	"POST /matters/{id}/steps":        {},
	"POST /representatives":           {form: map[string]string{"org_id": "$org", "name": "王五", "sex": "F", "households": "10"}},
	"POST /representatives/{id}/end":  {}, // org_id only picks the page to return to
	"POST /disclosures":               {form: map[string]string{"org_id": "$org", "category": "village", "period": "2026-11", "title": "公开", "body": "内容"}},
	"POST /disclosures/{id}/review":   {},
	"POST /disclosures/{id}/revise":   {},
	"POST /disclosures/{id}/archive":  {},
	"POST /democracy-rules":           {query: map[string]string{"town_id": "$town"}, form: map[string]string{"rule": "quorum.representatives", "num": "3", "den": "4", "strict": "0"}},
	"POST /projects":                  {form: map[string]string{"org_id": "$org", "title": "修路", "proposer": "committee", "per_person": "10"}},
	"POST /projects/{id}/vote":        {},
	"POST /projects/{id}/collections": {form: map[string]string{"household_id": "$household", "people": "1", "amount": "1", "paid_on": "2026-11-20"}},
	"POST /feedback/{id}/moderate":    {},
	"POST /feedback/{id}/reply":       {},
	"POST /api/v1/matters":            {json: `{"org_id": "$org", "title": "修路", "amount_fen": 10000}`},
	"POST /api/v1/matters/{id}/steps": {},
}

// bodyCase is one route's input: a form, a JSON document or query
// parameters (the import takes its file as the body). "@kind" is an own
// id the handler needs but does not decide on (the page to return to).
// A search filters: it may succeed, with the same answer for a foreign
// and a made-up id.
type bodyCase struct {
	form    map[string]string
	json    string
	query   map[string]string
	filters bool
}

// idField is one id a case carries: its name ("list[].member_id" inside
// a JSON list) and which kind of record it names.
type idField struct{ name, kind string }

// fields lists the id fields of the case: "$kind" values and "{kind}"
// form keys.
func (bc bodyCase) fields() []idField {
	var out []idField
	for _, m := range []map[string]string{bc.form, bc.query} {
		for k, v := range m {
			if kind := kindOf(k + v); kind != "" {
				out = append(out, idField{k, kind})
			}
		}
	}
	if bc.json != "" {
		var doc map[string]any
		if err := json.Unmarshal([]byte(bc.json), &doc); err != nil {
			panic(err)
		}
		for k, v := range doc {
			switch v := v.(type) {
			case string:
				if kind := kindOf(v); kind != "" {
					out = append(out, idField{k, kind})
				}
			case []any:
				if len(v) == 0 {
					break
				}
				if m, ok := v[0].(map[string]any); ok {
					for ik, iv := range m {
						if s, ok := iv.(string); ok && kindOf(s) != "" {
							out = append(out, idField{k + "[]." + ik, kindOf(s)})
						}
					}
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// ghostID is an id no table holds.
const ghostID int64 = 99999999

// idSet is one id of each kind.
type idSet map[string]int64

// bodyActor is a walker with its scope and its own records.
type bodyActor struct {
	name  string
	scope string // org path
	own   idSet
	path  map[string]int64 // own record per path segment
}

// kindOf is which id a placeholder or key names.
func kindOf(s string) string {
	for _, k := range []string{"branch", "org", "member", "resident", "household", "post", "town"} {
		if strings.Contains(s, "$"+k) || strings.Contains(s, "{"+k+"}") {
			return k
		}
	}
	return ""
}

// build fills the case with own ids, except field which gets id.
func (bc bodyCase) build(own idSet, field string, id int64) (form url.Values, body string, query string) {
	pick := func(name, v string) string {
		if strings.HasPrefix(v, "@") {
			return strconv.FormatInt(own[strings.TrimPrefix(v, "@")], 10)
		}
		k := kindOf(v)
		if k == "" {
			return v
		}
		n := own[k]
		if name == field {
			n = id
		}
		return strings.NewReplacer("$"+k, strconv.FormatInt(n, 10), "{"+k+"}", strconv.FormatInt(n, 10)).Replace(v)
	}
	if bc.form != nil {
		form = url.Values{}
		for k, v := range bc.form {
			form.Set(pick(k, k), pick(k, v))
		}
	}
	if bc.query != nil {
		q := url.Values{}
		for k, v := range bc.query {
			q.Set(k, pick(k, v))
		}
		query = "?" + q.Encode()
	}
	if bc.json != "" {
		var doc map[string]any
		json.Unmarshal([]byte(bc.json), &doc)
		var fill func(name string, v any) any
		fill = func(name string, v any) any {
			switch v := v.(type) {
			case string:
				if k := kindOf(v); k != "" && v == "$"+k {
					if name == field {
						return id
					}
					return own[k]
				}
			case []any:
				for i, e := range v {
					v[i] = fill(name, e)
				}
			case map[string]any:
				for k, e := range v {
					v[k] = fill(name+"[]."+k, e)
				}
			}
			return v
		}
		for k, v := range doc {
			doc[k] = fill(k, v)
		}
		b, _ := json.Marshal(doc)
		body = string(b)
	}
	return form, body, query
}

// scopeIDs are the first records of each kind in the subtree at path.
func scopeIDs(t *testing.T, env *testkit.Env, orgID int64, path string) idSet {
	t.Helper()
	one := func(q string) int64 {
		var id int64
		if err := env.DB.QueryRow(q, path, db.PathEnd(path)).Scan(&id); err != nil {
			t.Fatalf("%s under %s: %v", q, path, err)
		}
		return id
	}
	in := ` JOIN orgs o ON o.id = x.org_id WHERE o.path >= $1 AND o.path < $2`
	ids := idSet{"org": orgID, "town": env.Town.Town.ID}
	// The branch is the first member's, so a meeting of the branch can
	// list that member.
	ids["member"] = one(`SELECT MIN(x.id) FROM members x` + in + ` AND x.status = 'full' AND o.type = 'branch'`)
	var branch int64
	if err := env.DB.QueryRow(`SELECT org_id FROM members WHERE id = $1`, ids["member"]).Scan(&branch); err != nil {
		t.Fatal(err)
	}
	ids["branch"] = branch
	ids["household"] = one(`SELECT MIN(x.id) FROM households x` + in)
	ids["resident"] = one(`SELECT MIN(r.id) FROM residents r JOIN households x ON x.id = r.household_id` + in)
	var post int64
	env.DB.QueryRow(`SELECT COALESCE(MIN(x.id), 0) FROM posts x`+in, path, db.PathEnd(path)).Scan(&post)
	ids["post"] = post
	var cadre int64 // 双述双评: a cadre of a round of the village
	env.DB.QueryRow(`SELECT COALESCE(MIN(c.id), 0) FROM appraisal_cadres c JOIN appraisal_rounds x ON x.id = c.round_id`+in, path, db.PathEnd(path)).Scan(&cadre)
	ids["cadre"] = cadre
	return ids
}

// ownPathIDs finds the actor's own record for each path segment of the
// write routes; records the demo does not hold are made here.
func ownPathIDs(t *testing.T, env *testkit.Env, a *bodyActor, orgID int64) {
	t.Helper()
	ctx := context.Background()
	one := func(q string, args ...any) int64 {
		var id int64
		if err := env.DB.QueryRow(q, args...).Scan(&id); err != nil {
			t.Fatalf("%s: own record: %s: %v", a.name, q, err)
		}
		return id
	}
	var mOrg, mTown int64
	if err := env.DB.QueryRow(`SELECT org_id, town_id FROM members WHERE id = $1`, a.own["member"]).Scan(&mOrg, &mTown); err != nil {
		t.Fatal(err)
	}
	now := env.Clock.Now()
	a.path = map[string]int64{
		"orgs": orgID, "members": a.own["member"], "households": a.own["household"],
		"residents": a.own["resident"], "posts": a.own["post"],
		"duties": one(`INSERT INTO member_duties(town_id, org_id, member_id, year, post, duty, created_at)
			VALUES ($1, $2, $3, 2026, '卫生监督岗', '每月检查一次', $4) RETURNING id`, mTown, mOrg, a.own["member"], now),
		"suggestions": one(`INSERT INTO suggestions(town_id, org_id, member_id, title, body, submitted_at)
			VALUES ($1, $2, $3, '修路', '村口的路需要修', $4) RETURNING id`, mTown, mOrg, a.own["member"], now),
		"grants": one(`INSERT INTO fund_grants(town_id, org_id, member_id, amount_fen, reason, status, proposer_name, proposed_at)
			VALUES ($1, $2, $3, 50000, '困难党员慰问', 'proposed', 'admin', $4) RETURNING id`, mTown, mOrg, a.own["member"], now),
		"projects": one(`INSERT INTO projects(org_id, town_id, title, proposer, per_person_fen, state, created_at)
			VALUES ($1, $2, '修路', 'committee', 1000, 'passed', $3) RETURNING id`, orgID, mTown, now),
		"{tag}": one(`INSERT INTO member_tags(member_id, town_id, kind, started_on, created_at)
			VALUES ($1, $2, 'member_to_rich', $3, $4) RETURNING id`, a.own["member"], mTown, db.Day(now), now),
	}
	flagged := day.Of(now).AddMonths(-1)
	flag, err := env.Svc.Org.Flag(ctx, nil, org.NewWeakFlag{OrgID: orgID, FlaggedOn: flagged, Reason: "班子不团结", Plan: "调整书记", Deadline: flagged.AddMonths(3)})
	if err != nil {
		t.Fatal(err)
	}
	a.path["weak"] = flag.ID
	a.path["commendations"] = one(`SELECT COALESCE(MAX(id), 0) FROM commendations WHERE org_id = $1`, orgID) // a village's own; none for a branch
	a.path["appraisals"] = one(`SELECT COALESCE(MAX(id), 0) FROM appraisal_rounds WHERE org_id = $1`, orgID)
	a.path["appraisal-cadres"] = one(`SELECT COALESCE(MIN(c.id), 0) FROM appraisal_cadres c JOIN appraisal_rounds r ON r.id = c.round_id WHERE r.org_id = $1`, orgID)
	user := one(`SELECT id FROM users WHERE username = $1`, a.name)
	if _, err := env.Svc.Auth.CreateAPIToken(ctx, &auth.Actor{UserID: user, Username: a.name}, "own sync"); err != nil {
		t.Fatal(err)
	}
	a.path["tokens"] = one(`SELECT MAX(id) FROM api_tokens WHERE user_id = $1`, user)
	a.path["trainings"] = one(`SELECT COALESCE(MIN(id), 0) FROM trainings WHERE village_id = $1`, orgID) // a branch holds none
	a.path["industries"] = one(`SELECT COALESCE(MIN(id), 0) FROM industries WHERE village_id = $1`, orgID)
	a.path["cooperatives"] = one(`SELECT COALESCE(MIN(id), 0) FROM cooperatives WHERE village_id = $1`, orgID)
}

func TestBodyIDsStayInScope(t *testing.T) {
	t.Parallel()
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		env := s.env
		foreignV := env.Town.Villages[foreignVillage]
		foreign := scopeIDs(t, env, foreignV.ID, foreignV.Path)
		foreign["town"] = env.Town.Town.ID // outside every village's scope

		haidan, minjia1 := env.Town.Villages["海丹"], env.Town.Groups["民家一组"]
		actors := []*bodyActor{{name: "haidan", scope: haidan.Path}, {name: "minjia1", scope: minjia1.Path}}
		for i, o := range []struct {
			id   int64
			path string
		}{{haidan.ID, haidan.Path}, {minjia1.ID, minjia1.Path}} {
			actors[i].own = scopeIDs(t, env, o.id, o.path)
			ownPathIDs(t, env, actors[i], o.id)
		}

		type target struct {
			method, pattern string
			bc              bodyCase
		}
		var targets []target
		seen := map[string]bool{}
		for _, rt := range env.Web.Routes() {
			key := rt.Method + " " + rt.Pattern
			if rt.Method == "GET" || rt.Method == "HEAD" || rt.IsPublic() || selfRoutes[key] {
				continue
			}
			bc, ok := bodyFields[key]
			if !ok {
				t.Errorf("%s has no entry in bodyFields (authz_body_test.go): state the ids its body takes, or {} for none", key)
				continue
			}
			seen[key] = true
			if len(bc.fields()) > 0 {
				targets = append(targets, target{rt.Method, rt.Pattern, bc})
			}
		}
		for key := range bodyFields {
			if !seen[key] {
				t.Errorf("bodyFields names %s, which is not a write route", key)
			}
		}

		auditBefore := lastAuditID(t, d)
		requests, skipped, answers := 0, 0, map[string]int{}
		for _, a := range actors {
			for _, tg := range targets {
				path, err := fill(tg.pattern, func(seg, param string) (string, error) {
					key := seg
					if param != "id" {
						key = "{" + param + "}"
					}
					id, ok := a.path[key]
					if !ok {
						return "", fmt.Errorf("no own record for %s", key)
					}
					return strconv.FormatInt(id, 10), nil
				})
				if err != nil {
					t.Errorf("%s: %s %s: %v", a.name, tg.method, tg.pattern, err)
					continue
				}
				if strings.Contains(path, "/0/") || strings.HasSuffix(path, "/0") {
					skipped++ // the account has no record of this kind (a branch holds no village post)
					continue
				}
				for _, f := range tg.bc.fields() {
					field, k := f.name, f.kind
					send := func(id int64) (int, string) {
						form, body, query := tg.bc.build(a.own, field, id)
						requests++
						sc := scenario{as: a.name, method: tg.method, path: path + query, form: form, json: body}
						if form == nil && body == "" { // the import's file is the body: an empty one
							sc.header = []string{"X-CSRF-Token", s.client(a.name).CSRF}
						}
						resp, text := s.exchange(sc)
						return resp.StatusCode, text
					}
					what := fmt.Sprintf("%s: %s %s, %s", a.name, tg.method, path, field)
					gs, gb := send(ghostID)
					fs, fb := send(foreign[k])
					answers[fmt.Sprintf("%s %d", a.name, fs)]++
					if gs < 400 && !tg.bc.filters {
						t.Errorf("%s: a made-up id %d was accepted (%d); is %s really read?\n%.300s", what, ghostID, gs, field, gb)
					}
					if fs < 400 && !tg.bc.filters {
						t.Errorf("%s: %s's %s %d was accepted (%d)\n%.300s", what, foreignVillage, k, foreign[k], fs, fb)
						continue
					}
					if gs >= 500 || fs >= 500 {
						t.Errorf("%s: status %d / %d", what, gs, fs)
					}
					ghostText := unflashed(strings.ReplaceAll(gb, strconv.FormatInt(ghostID, 10), strconv.FormatInt(foreign[k], 10)))
					if fb = unflashed(fb); fs != gs || fb != ghostText {
						t.Errorf("%s: %s's id answers %d, a made-up one %d\nforeign: %.400s\nmade-up: %.400s",
							what, foreignVillage, fs, gs, firstDiff(fb, ghostText), firstDiff(ghostText, fb))
					}
				}
			}
		}
		t.Logf("body walk: %d write routes with id fields, %d requests, %d route-account pairs without an own record; answers %v", len(targets), requests, skipped, answers)
		checkAuditInScope(t, d, auditBefore, actors)
		linkStaysInScope(t, s, actors[0])
		walkListQueries(t, s)
	})
}

var fieldError = regexp.MustCompile(`class="field-error"[^>]*>[^<]*<`)

// flash is the notice of an earlier success that the next page shows.
var flash = regexp.MustCompile(`<div class="flash"[^>]*>[^<]*</div>`)

func unflashed(page string) string { return flash.ReplaceAllString(page, "") }

// apiMessage is the error message of a JSON answer, or the page's title.
func apiMessage(body string) string {
	if i := strings.Index(body, `"message"`); i >= 0 {
		return body[i:]
	}
	if i := strings.Index(body, "<title>"); i >= 0 {
		errs := fieldError.FindAllString(body, -1)
		return strings.Join(errs, " ") + " " + body[i:]
	}
	return body
}

// firstDiff is a from shortly before where it differs from b.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	if i > 80 {
		i -= 80
	} else {
		i = 0
	}
	return a[i:]
}

func lastAuditID(t *testing.T, d *db.DB) int64 {
	t.Helper()
	var id int64
	if err := d.QueryRow(`SELECT COALESCE(MAX(id), 0) FROM audit_log`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// checkAuditInScope fails for every audit row written after since by a
// walker about an organisation outside that walker's scope.
func checkAuditInScope(t *testing.T, d *db.DB, since int64, actors []*bodyActor) {
	t.Helper()
	rows, err := d.Query(`SELECT a.actor_name, a.action, COALESCE(o.path, '') FROM audit_log a
		LEFT JOIN orgs o ON o.id = a.org_id WHERE a.id > $1`, since)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	scope := map[string]string{}
	for _, a := range actors {
		scope[a.name] = a.scope
	}
	for rows.Next() {
		var who, action, path string
		if err := rows.Scan(&who, &action, &path); err != nil {
			t.Fatal(err)
		}
		if sc, ok := scope[who]; ok && path != "" && !strings.HasPrefix(path, sc) {
			t.Errorf("%s wrote %s about an organisation outside its scope (%q)", who, action, path)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// listQuery names, for every GET route without path parameters, the
// query parameters that carry a record id and what a foreign id answers:
// 404 where the handler decides the id like a record, 200 where the
// documented behaviour is a filter within the caller's scope (then the
// answer must equal the one for a made-up id and name nothing of 海戛).
// A GET route without an entry fails TestBodyIDsStayInScope.
//
// The filters (200): the organisation lists and the 两委/书记/软弱涣散
// overviews take parent_id and town_id as filters of the caller's scope;
// the households, residents, meetings, overdue and compliance lists take
// org_id as a subtree root within scope (people.HouseholdFilter: "0 is
// the actor's whole scope"); the new-member, new-household and import
// forms only preselect the organisation, and the pick list offers only
// organisations in scope. The API's suggestion list filters, while the
// page loads the branch to offer its form, and the API's compliance
// answers 404 for an organisation with no branch in scope: page and API
// differ there, each like a made-up id.
var listQuery = map[string]map[string]int{
	// sites: a town_id outside the caller's sight is a town that does
	// not exist.
	"GET /sites":                           {"town_id": 404},
	"GET /site-reconciliation":             {"town_id": 404},
	"GET /site-reconciliation.xlsx":        {"town_id": 404},
	"GET /site-progress":                   {"town_id": 404},
	"GET /api/v1/sites":                    {"town_id": 404},
	"GET /api/v1/site-reconciliation":      {"town_id": 404},
	"GET /api/v1/site-reconciliation.xlsx": {"town_id": 404},
	"GET /api/v1/site-progress":            {"town_id": 404},

	// prosperity: org_id (a village or the town) is decided like a
	// record; the village picture takes village_id.
	"GET /trainings":            {"org_id": 404},
	"GET /coverage":             {"org_id": 404},
	"GET /industries":           {"org_id": 404},
	"GET /api/v1/trainings":     {"org_id": 404},
	"GET /api/v1/coverage":      {"org_id": 404},
	"GET /api/v1/village-model": {"org_id": 404},

	"GET /orgs":                         {"parent_id": 200, "town_id": 200},
	"GET /weak":                         {"town_id": 200},
	"GET /committees":                   {"town_id": 200},
	"GET /secretaries":                  {"town_id": 200},
	"GET /api/v1/orgs":                  {"parent_id": 200, "town_id": 200},
	"GET /api/v1/weak":                  {"town_id": 200},
	"GET /api/v1/committees":            {"town_id": 200},
	"GET /api/v1/secretaries":           {"town_id": 200},
	"GET /account":                      {},
	"GET /api/v1/me":                    {},
	"GET /meetings":                     {"org_id": 200},
	"GET /meetings/new":                 {"org_id": 404},
	"GET /overdue":                      {"org_id": 200},
	"GET /compliance":                   {"org_id": 200},
	"GET /duties":                       {"org_id": 404},
	"GET /stars":                        {"org_id": 404},
	"GET /evaluations":                  {"org_id": 404},
	"GET /suggestions":                  {"org_id": 404},
	"GET /fund":                         {"town_id": 404, "org_id": 404},
	"GET /me":                           {},
	"GET /api/v1/meetings":              {"org_id": 200},
	"GET /api/v1/meeting-roster":        {"org_id": 404},
	"GET /api/v1/overdue":               {"org_id": 200},
	"GET /api/v1/compliance":            {"org_id": 404},
	"GET /api/v1/duties":                {"org_id": 404},
	"GET /api/v1/stars":                 {"org_id": 404},
	"GET /api/v1/evaluations":           {"org_id": 404},
	"GET /api/v1/suggestions":           {"org_id": 200},
	"GET /api/v1/fund":                  {"town_id": 404},
	"GET /api/v1/me/record":             {},
	"GET /members":                      {"org_id": 404},
	"GET /members/export.xlsx":          {"org_id": 404},
	"GET /members/template.xlsx":        {},
	"GET /members/import":               {"org_id": 200},
	"GET /members/board":                {"org_id": 404},
	"GET /members/cultivation":          {"org_id": 404},
	"GET /members/report":               {"org_id": 404},
	"GET /members/report.xlsx":          {"org_id": 404},
	"GET /members/new":                  {"org_id": 200},
	"GET /api/v1/members":               {"org_id": 404},
	"GET /api/v1/members/board":         {"org_id": 404},
	"GET /api/v1/members/cultivation":   {"org_id": 404},
	"GET /api/v1/members/report":        {"org_id": 404},
	"GET /api/v1/members/report.xlsx":   {"org_id": 404},
	"GET /api/v1/members/export.xlsx":   {"org_id": 404},
	"GET /api/v1/members/template.xlsx": {},
	"GET /households":                   {"org_id": 200},
	"GET /households/new":               {"org_id": 200},
	"GET /residents":                    {"org_id": 200},
	"GET /api/v1/households":            {"org_id": 200},
	"GET /api/v1/residents":             {"org_id": 200},
	"GET /audit":                        {"entity_id": 200},
	"GET /api/v1/audit":                 {"entity_id": 200},
	"GET /matters":                      {"org_id": 404},
	"GET /representatives":              {"org_id": 404},
	"GET /disclosures":                  {"org_id": 404},
	"GET /disclosure-overdue":           {},
	"GET /feedback":                     {"org_id": 200},
	"GET /projects":                     {"org_id": 404},
	"GET /democracy-rules":              {"town_id": 404},
	"GET /api/v1/matters":               {"org_id": 404},
	"GET /api/v1/disclosure-late":       {},
}

// linkStaysInScope: an id number is an id too. A member registered in
// the walker's branch with the number of a 海戛 resident (one who is no
// party member, so the number is free) is created unlinked, as for a
// number no resident holds.
func linkStaysInScope(t *testing.T, s *site, a *bodyActor) {
	t.Helper()
	v := s.env.Town.Villages[foreignVillage]
	var resident int64
	if err := s.env.DB.QueryRow(`SELECT MIN(r.id) FROM residents r JOIN orgs o ON o.id = r.org_id
		WHERE o.path >= $1 AND o.path < $2 AND r.id_hash NOT IN (SELECT id_hash FROM members)`, v.Path, db.PathEnd(v.Path)).Scan(&resident); err != nil {
		t.Fatal(err)
	}
	resp, body := s.exchange(scenario{as: "admin", method: "POST", path: "/api/v1/residents/" + strconv.FormatInt(resident, 10) + "/reveal", json: "{}"})
	var revealed struct {
		IDNumber string `json:"id_number"`
	}
	if err := json.Unmarshal([]byte(body), &revealed); resp.StatusCode != 200 || err != nil || revealed.IDNumber == "" {
		t.Fatalf("admin reveals 海戛 resident %d: %d %v %.200s", resident, resp.StatusCode, err, body)
	}
	for _, number := range []string{revealed.IDNumber, "530325198002022347"} {
		resp, body := s.exchange(scenario{as: a.name, method: "POST", path: "/api/v1/members", json: fmt.Sprintf(
			`{"org_id": %d, "name": "李四", "id_number": %q, "status": "full", "joined_on": "2010-07-01", "full_on": "2011-07-01", "category": "veteran"}`,
			a.own["branch"], number)})
		var m struct {
			ID         int64 `json:"id"`
			ResidentID int64 `json:"resident_id"`
		}
		if err := json.Unmarshal([]byte(body), &m); resp.StatusCode != 201 || err != nil {
			t.Fatalf("%s registers a member with id number %s: %d %v %.300s", a.name, number, resp.StatusCode, err, body)
		}
		var linked int64
		if err := s.env.DB.QueryRow(`SELECT COALESCE(resident_id, 0) FROM members WHERE id = $1`, m.ID).Scan(&linked); err != nil {
			t.Fatal(err)
		}
		if linked != 0 || m.ResidentID != 0 {
			t.Errorf("%s's new member %d is linked to resident %d (answer says %d); 海戛's resident is %d", a.name, m.ID, linked, m.ResidentID, resident)
		}
	}
}

// walkListQueries requests every list with another village's ids in its
// query, on the server of the body walk.
func walkListQueries(t *testing.T, s *site) {
	d, env := s.env.DB, s.env
	// Another village's records: its 总支 and a branch for org
	// parameters, the town above every village, a member's audit trail.
	foreignV := env.Town.Villages[foreignVillage]
	foreign := scopeIDs(t, env, foreignV.ID, foreignV.Path)
	// The demo has one town, the walkers' own: a town_id is tried
	// with 海戛's 总支, which must answer like a town that does not
	// exist, and with the real town, which may show the walker's own
	// part of it but nothing of 海戛.
	values := map[string][]int64{
		"org_id": {foreignV.ID, foreign["branch"]}, "parent_id": {foreignV.ID, foreign["branch"]},
		"town_id": {foreignV.ID, env.Town.Town.ID}, "entity_id": {foreign["member"]},
	}
	auditBefore := lastAuditID(t, d)
	requests := 0
	seen := map[string]bool{}
	for _, rt := range env.Web.Routes() {
		key := rt.Method + " " + rt.Pattern
		if rt.Method != "GET" || rt.IsPublic() || strings.Contains(rt.Pattern, "{") {
			continue
		}
		params, ok := listQuery[key]
		if !ok {
			t.Errorf("%s has no entry in listQuery (authz_body_test.go): state its id parameters, or {} for none", key)
			continue
		}
		seen[key] = true
		for _, account := range []string{"haidan", "minjia1"} {
			for param, want := range params {
				for _, id := range values[param] {
					get := func(id int64) (int, string) {
						requests++
						resp, body := s.exchange(scenario{as: account, path: rt.Pattern + "?" + param + "=" + strconv.FormatInt(id, 10)})
						return resp.StatusCode, unflashed(body)
					}
					what := fmt.Sprintf("%s: GET %s?%s=%d", account, rt.Pattern, param, id)
					fs, fb := get(id)
					gs, gb := get(ghostID)
					gb = strings.ReplaceAll(gb, strconv.FormatInt(ghostID, 10), strconv.FormatInt(id, 10))
					if strings.Contains(fb, foreignVillage) {
						t.Errorf("%s: the answer names %s", what, foreignVillage)
					}
					if id == env.Town.Town.ID {
						if fs != 200 && fs != 403 && fs != 404 {
							t.Errorf("%s: status %d for the walker's own town", what, fs)
						}
						continue
					}
					if fs == 403 && !s.admits(account, "GET", rt.Pattern) {
						// The role holds the list's permission nowhere: the kit's
						// gate answers before any id is looked at.
						want = 403
					}
					if fs != want {
						t.Errorf("%s: status %d, want %d\n%.300s", what, fs, want, apiMessage(fb))
					}
					if fs != gs || fb != gb {
						t.Errorf("%s: answers %d, a made-up id %d\nforeign: %.300s\nmade-up: %.300s", what, fs, gs, firstDiff(fb, gb), firstDiff(gb, fb))
					}
				}
			}
		}
	}
	for key := range listQuery {
		if !seen[key] {
			t.Errorf("listQuery names %s, which is not a GET route without path parameters", key)
		}
	}
	t.Logf("list walk: %d requests", requests)
	if n := lastAuditID(t, d); n != auditBefore {
		t.Errorf("the list walk wrote %d audit rows", n-auditBefore)
	}
}
