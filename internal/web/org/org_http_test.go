package org_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

// step is one request of an HTTP scenario: who sends it, what comes back,
// and what the body must and must not say.
type step struct {
	who    string
	method string
	path   string
	form   url.Values // a page form (POST) …
	json   string     // … or an API body
	status int
	want   []string
	lack   []string
}

// runSteps sends each step with the named user's client, in order.
func runSteps(t *testing.T, clients map[string]*testkit.Client, steps []step) {
	t.Helper()
	for i, s := range steps {
		testkit.Exchange{Name: fmt.Sprintf("step %d: %s", i, s.who), Method: s.method, Path: s.path, Form: s.form,
			JSON: s.json, Status: s.status, Has: s.want, HasNot: s.lack}.Check(t, clients[s.who])
	}
}

func id(n int64) string { return fmt.Sprint(n) }

func TestOrgPagesAndAPI(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		town, v, vg := env.Town.Town, env.Town.Villages["海丹"], env.Town.Villages["海戛"]
		minjia, group := env.Town.Villages["民家"], env.Town.Groups["海丹一组"]
		clients := map[string]*testkit.Client{}
		for _, u := range []string{"admin", "county", "haidan", "haiga", "minjia1"} {
			clients[u] = env.Login(t, u)
		}
		clients["anon"] = env.NewClient(t)
		// The county admin reads English.
		clients["county"].Get("/lang/en?next=/").Body.Close()
		admin := &auth.Actor{Username: "t", Bindings: []auth.Binding{{Role: auth.RoleTownAdmin, OrgID: town.ID, OrgPath: town.Path}}}
		posts, err := env.Svc.Org.Posts(t.Context(), admin, v.ID)
		if err != nil {
			t.Fatal(err)
		}
		postID := map[string]string{}
		for _, p := range posts {
			postID[p.Code] = id(p.ID)
		}
		flagForm := func(flagged, deadline string) url.Values {
			return url.Values{"form": {"weak"}, "flagged_on": {flagged}, "reason": {"班子软弱涣散"}, "plan": {"调整书记，每月支委会"}, "deadline": {deadline}}
		}

		runSteps(t, clients, []step{
			// Pages: the town overview, a village with 两委 and centres.
			{who: "admin", method: "GET", path: "/orgs/" + id(town.ID), status: 200,
				want: []string{`id="overview-table"`, "各村概况", "得戛", `">143</td>`}},
			{who: "admin", method: "GET", path: "/orgs/" + id(minjia.ID), status: 200,
				want: []string{"书记主任一肩挑", `id="centres-table"`, "教育培训中心", "为民服务中心", `id="children-table"`, "民家一组党支部"}},
			{who: "haidan", method: "GET", path: "/orgs/" + id(v.ID), status: 200,
				want: []string{`id="committee-table"`, "（党总支书记兼）"}, lack: []string{`id="weak-form"`, "编辑组织"}},
			{who: "admin", method: "GET", path: "/orgs/" + id(v.ID), status: 200, want: []string{`id="weak-form"`, "编辑组织"}},
			{who: "haidan", method: "GET", path: "/orgs/" + id(vg.ID), status: 404},
			{who: "county", method: "GET", path: "/orgs/" + id(town.ID), status: 200, want: []string{"Villages at a glance"}},
			{who: "admin", method: "GET", path: "/weak", status: 200, want: []string{"得戛三组党支部", "已逾期 61 天", "坡头村党总支"}},
			{who: "haidan", method: "GET", path: "/weak", status: 200, want: []string{"暂无记录"}, lack: []string{"得戛三组"}},
			{who: "admin", method: "GET", path: "/weak?status=closed", status: 200, want: []string{"块泽村党总支", "已销号"}},
			{who: "admin", method: "GET", path: "/committees", status: 200, want: []string{"民家", "书记主任一肩挑", "黄泥堡"}},
			{who: "haidan", method: "GET", path: "/committees", status: 200, want: []string{"海丹"}, lack: []string{"民家"}},
			{who: "admin", method: "GET", path: "/secretaries?weak=1", status: 200,
				want: []string{"得戛三组党支部", "坡头村党总支", "罗志强", "调整书记"}, lack: []string{"民家一组党支部"}},
			{who: "minjia1", method: "GET", path: "/secretaries", status: 200, want: []string{"民家一组党支部"}, lack: []string{"民家二组党支部"}},
			{who: "anon", method: "GET", path: "/weak", status: 303},

			// Edit an organisation: the town may, the village leader may not.
			{who: "haidan", method: "GET", path: "/orgs/" + id(v.ID) + "/edit", status: 403},
			{who: "admin", method: "GET", path: "/orgs/" + id(v.ID) + "/edit", status: 200, want: []string{`value="海丹村党总支"`}},
			{who: "admin", method: "POST", path: "/orgs/" + id(v.ID) + "/edit", form: url.Values{"name": {""}, "sort_order": {"x"}}, status: 400,
				want: []string{"请填写数字"}},
			{who: "admin", method: "POST", path: "/orgs/" + id(v.ID) + "/edit", form: url.Values{"name": {"海丹村党总支"}, "short_name": {"海丹"}, "sort_order": {"2"}}, status: 303},
			{who: "haidan", method: "POST", path: "/orgs/" + id(v.ID) + "/edit", form: url.Values{"name": {"改名"}}, status: 403},

			// Flag 海丹: the rules speak Chinese and English with their dates.
			{who: "admin", method: "POST", path: "/orgs/" + id(v.ID) + "/weak", form: flagForm("2026-06-01", "2026-06-01"), status: 422,
				want: []string{"整改期限 2026-06-01 须晚于认定日期 2026-06-01，最早 2026-06-02"}},
			{who: "county", method: "POST", path: "/orgs/" + id(v.ID) + "/weak", form: flagForm("2026-06-01", "2026-05-01"), status: 422,
				want: []string{"the earliest is 2026-06-02"}},
			{who: "admin", method: "POST", path: "/orgs/" + id(v.ID) + "/weak", form: flagForm("2026-12-01", "2027-06-01"), status: 422,
				want: []string{"晚于今天 2026-11-26"}},
			{who: "admin", method: "POST", path: "/orgs/" + id(v.ID) + "/weak", form: flagForm("", "2027-06-01"), status: 400,
				want: []string{"请填写日期"}},
			{who: "haidan", method: "POST", path: "/orgs/" + id(v.ID) + "/weak", form: flagForm("2026-06-01", "2026-10-01"), status: 403},
			{who: "admin", method: "POST", path: "/orgs/" + id(town.ID) + "/weak", form: flagForm("2026-06-01", "2026-10-01"), status: 422,
				want: []string{"镇党委不在此列"}},
			{who: "admin", method: "POST", path: "/orgs/" + id(v.ID) + "/weak", form: flagForm("2026-06-01", "2026-10-01"), status: 303},
			{who: "admin", method: "POST", path: "/orgs/" + id(v.ID) + "/weak", form: flagForm("2026-07-01", "2026-12-01"), status: 422,
				want: []string{"海丹村党总支 已于 2026-06-01 被认定为软弱涣散，整改期限 2026-10-01，尚未销号"}},
			{who: "county", method: "POST", path: "/orgs/" + id(v.ID) + "/weak", form: flagForm("2026-07-01", "2026-12-01"), status: 422,
				want: []string{"one open flag at a time"}},
			{who: "haidan", method: "GET", path: "/orgs/" + id(v.ID), status: 200,
				want: []string{`id="weak-open"`, "已逾期 56 天", "班子软弱涣散", "调整书记", "/posts/" + postID["secretary"] + "#assign-form"}},
			{who: "admin", method: "GET", path: "/orgs/" + id(town.ID), status: 200, want: []string{`<td class="num" data-label="软弱涣散整改中">3</td>`}},

			// Vacate from the post page.
			{who: "haiga", method: "POST", path: "/posts/" + postID["vet"] + "/vacate", form: url.Values{"ended_on": {"2026-11-01"}}, status: 404},
			{who: "haidan", method: "POST", path: "/posts/" + postID["vet"] + "/vacate", form: url.Values{"ended_on": {"2026-11-01"}, "csrf": {"wrong"}}, status: 403},
			{who: "haidan", method: "POST", path: "/posts/" + postID["vet"] + "/vacate", form: url.Values{"ended_on": {"2020-01-01"}}, status: 422,
				want: []string{"任职日期 2021-03-01"}},
			{who: "haidan", method: "POST", path: "/posts/" + postID["vet"] + "/vacate", form: url.Values{"ended_on": {"2026-11-01"}}, status: 303},
			{who: "haidan", method: "POST", path: "/posts/" + postID["vet"] + "/vacate", form: url.Values{"ended_on": {"2026-11-02"}}, status: 422,
				want: []string{"该职务已空缺"}},
			{who: "haidan", method: "GET", path: "/posts/" + postID["vet"], status: 200, want: []string{"空缺"}, lack: []string{`id="vacate-form"`}},
			{who: "haidan", method: "GET", path: "/orgs/" + id(v.ID), status: 200, want: []string{"空缺（应由畜牧兽医员兼任）"}},

			// The API.
			{who: "admin", method: "GET", path: "/api/v1/orgs?type=general_branch", status: 200,
				want: []string{`"name":"民家村党总支"`, `"name":"黄泥堡村党总支"`}},
			{who: "admin", method: "GET", path: "/api/v1/towns/" + id(town.ID) + "/overview", status: 200,
				want: []string{`"totals":{`, `"group_branches":143`, `"open_weak":3`, `"overdue_weak":2`}},
			{who: "admin", method: "GET", path: "/api/v1/towns/" + id(v.ID) + "/overview", status: 422, want: []string{`"rule":"org.town_only"`}},
			{who: "haidan", method: "GET", path: "/api/v1/orgs/" + id(minjia.ID) + "/committee", status: 404},
			{who: "admin", method: "GET", path: "/api/v1/orgs/" + id(minjia.ID) + "/committee", status: 200, want: []string{`"dual":[{"holder_name"`}},
			{who: "haidan", method: "GET", path: "/api/v1/orgs/" + id(v.ID) + "/centres", status: 200,
				want: []string{`"code":"education"`, `"code":"service"`, `"post_code":"deputy_director"`}},
			{who: "admin", method: "GET", path: "/api/v1/orgs/" + id(group.ID) + "/centres", status: 422, want: []string{`"rule":"org.village_only"`}},
			{who: "admin", method: "GET", path: "/api/v1/committees?limit=10", status: 200, want: []string{`"next":`}},
			{who: "admin", method: "GET", path: "/api/v1/secretaries?weak=1", status: 200, want: []string{"得戛三组党支部", `"overdue":true`}},
			{who: "admin", method: "GET", path: "/api/v1/weak", status: 200, want: []string{`"days_overdue":61`, `"org_name":"海丹村党总支"`}},
			{who: "haidan", method: "GET", path: "/api/v1/orgs/" + id(v.ID) + "/weak", status: 200, want: []string{`"flagged_on":"2026-06-01"`}},
			{who: "admin", method: "POST", path: "/api/v1/orgs/" + id(group.ID) + "/weak", status: 422,
				json: `{"flagged_on":"2026-06-01","reason":"r","plan":"p","deadline":"2026-05-01"}`,
				want: []string{`"rule":"weak.deadline_after_flag"`, "最早 2026-06-02", `"earliest":"2026-06-02"`}},
			{who: "county", method: "POST", path: "/api/v1/orgs/" + id(group.ID) + "/weak", status: 422,
				json: `{"flagged_on":"2026-06-01","reason":"r","plan":"p","deadline":"2026-05-01"}`, want: []string{"the earliest is 2026-06-02"}},
			{who: "admin", method: "POST", path: "/api/v1/orgs/" + id(group.ID) + "/weak", status: 400,
				json: `{"flagged_on":"06/01/2026","reason":"","plan":"p","deadline":"2026-12-01"}`, want: []string{`"flagged_on":"日期格式应为`}},
			{who: "admin", method: "POST", path: "/api/v1/orgs/" + id(group.ID) + "/weak", status: 201,
				json: `{"flagged_on":"2026-06-01","reason":"r","plan":"p","deadline":"2026-12-01"}`, want: []string{`"overdue":false`}},
			{who: "haidan", method: "PUT", path: "/api/v1/orgs/" + id(v.ID), json: `{"name":"x","short_name":"x","sort_order":1}`, status: 403},
			{who: "admin", method: "PUT", path: "/api/v1/orgs/" + id(v.ID), json: `{"name":"海丹村党总支","short_name":"海丹","sort_order":2}`, status: 200,
				want: []string{`"sort_order":2`}},
			{who: "haidan", method: "POST", path: "/api/v1/posts/" + postID["mediator"] + "/vacate", json: `{"ended_on":"2026-11-01"}`, status: 204},
			{who: "haidan", method: "POST", path: "/api/v1/posts/" + postID["mediator"] + "/vacate", json: `{"ended_on":"2026-11-01"}`, status: 422,
				want: []string{`"rule":"post.already_vacant"`}},
			{who: "anon", method: "GET", path: "/api/v1/openapi.json", status: 200,
				want: []string{`"/api/v1/weak/{id}/close"`, `"/api/v1/orgs/{id}/centres"`, `"/api/v1/committees"`, `"/api/v1/secretaries"`}},
		})

		// Revise the plan and close the flag through the pages and the API.
		flags, err := env.Svc.Org.WeakFlagsOf(t.Context(), admin, v.ID)
		if err != nil || len(flags) != 1 {
			t.Fatalf("flags of 海丹: %v %v", flags, err)
		}
		wf := "/weak/" + id(flags[0].ID)
		groupFlags, _ := env.Svc.Org.WeakFlagsOf(t.Context(), admin, group.ID)
		gf := "/api/v1/weak/" + id(groupFlags[0].ID)
		runSteps(t, clients, []step{
			{who: "haidan", method: "GET", path: wf, status: 200, want: []string{"已逾期 56 天"}, lack: []string{`id="plan-form"`}},
			{who: "haiga", method: "GET", path: wf, status: 404},
			{who: "admin", method: "GET", path: wf, status: 200, want: []string{`id="plan-form"`, `id="close-form"`}},
			{who: "admin", method: "POST", path: wf + "/plan", form: url.Values{"plan": {"新方案"}, "deadline": {"2026-05-01"}}, status: 422,
				want: []string{"最早 2026-06-02", "新方案"}},
			{who: "haidan", method: "POST", path: wf + "/plan", form: url.Values{"plan": {"新方案"}, "deadline": {"2027-01-31"}}, status: 403},
			{who: "admin", method: "POST", path: wf + "/plan", form: url.Values{"plan": {"新方案：更换书记"}, "deadline": {"2027-01-31"}}, status: 303},
			{who: "admin", method: "GET", path: wf, status: 200, want: []string{"新方案：更换书记", "2027-01-31"}, lack: []string{"已逾期"}},
			{who: "admin", method: "POST", path: wf + "/close", form: url.Values{"closed_on": {"2026-05-01"}, "closing_note": {"好"}}, status: 422,
				want: []string{"销号日期 2026-05-01 不能早于认定日期 2026-06-01"}},
			{who: "admin", method: "POST", path: wf + "/close", form: url.Values{"closed_on": {"2026-11-20"}, "closing_note": {""}}, status: 400,
				want: []string{"必填"}},
			{who: "admin", method: "POST", path: wf + "/close", form: url.Values{"closed_on": {"2026-11-20"}, "closing_note": {"整改到位"}}, status: 303},
			{who: "admin", method: "GET", path: wf, status: 200, want: []string{"已销号", "整改到位"}, lack: []string{`id="close-form"`}},
			{who: "admin", method: "POST", path: wf + "/plan", form: url.Values{"plan": {"x"}, "deadline": {"2027-01-31"}}, status: 422,
				want: []string{"已于 2026-11-20 销号"}},
			{who: "admin", method: "GET", path: "/orgs/" + id(v.ID), status: 200, want: []string{`id="weak-history"`, "整改到位", `id="weak-form"`}},

			{who: "admin", method: "GET", path: gf, status: 200, want: []string{`"secretary_post_id":`}},
			{who: "haiga", method: "GET", path: gf, status: 404},
			{who: "admin", method: "POST", path: gf + "/plan", json: `{"plan":"p2","deadline":"2027-02-01"}`, status: 200, want: []string{`"plan":"p2"`}},
			{who: "county", method: "POST", path: gf + "/close", json: `{"closed_on":"2026-05-31","closing_note":"n"}`, status: 422,
				want: []string{`"rule":"weak.close_after_flag"`, "cannot be before the flag date 2026-06-01"}},
			{who: "admin", method: "POST", path: gf + "/close", json: `{"closed_on":"2026-11-26","closing_note":"n"}`, status: 200, want: []string{`"closed_on":"2026-11-26"`}},
			{who: "admin", method: "GET", path: "/api/v1/weak?status=closed", status: 200, want: []string{`"org_name":"海丹一组党支部"`, `"org_name":"块泽村党总支"`}},
		})

		// Every change above left an audit row.
		for _, action := range []string{"weak.flag", "weak.plan", "weak.close", "post.vacate", "org.update"} {
			var n int
			if err := d.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM audit_log WHERE action = $1 AND actor_id IS NOT NULL AND actor_id <> 0`, action).Scan(&n); err != nil || n == 0 {
				t.Fatalf("no audit of %s by a user: %v", action, err)
			}
		}

		// The town admin's village list through the API is the 16 villages.
		var page struct{ Items []org.Org }
		resp := clients["admin"].Do("GET", "/api/v1/orgs?type=general_branch", "")
		if err := json.NewDecoder(resp.Body).Decode(&page); err != nil || len(page.Items) != 16 {
			t.Fatalf("villages via the API: %d, %v", len(page.Items), err)
		}
		resp.Body.Close()
	})
}
