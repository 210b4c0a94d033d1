package sites_test

import (
	"fmt"
	"net/url"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// The town registers a plan and sites in it; a village leader registers
// a site of its own outside the plan and nothing of another village; the
// town sets 大坪's own subsidy with its reason. Refusals come back beside
// their fields with what was typed.
func TestSitesCreatePagesAndAPI(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin, kuaiji, haidan, haiga := env.Login(t, "admin"), env.Login(t, "kuaiji"), env.Login(t, "haidan"), env.Login(t, "haiga")
		hd, hx := env.Town.Villages["海丹"], env.Town.Villages["海戛"]
		var hdGroup, hdGroup2, townLevel int64
		if err := d.QueryRow(`SELECT MIN(id), MAX(id) FROM orgs WHERE parent_id = $1 AND type = 'branch'`, hd.ID).Scan(&hdGroup, &hdGroup2); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(`SELECT MIN(id) FROM orgs WHERE parent_id = $1 AND type = 'industry'`, env.Town.Town.ID).Scan(&townLevel); err != nil {
			t.Fatal(err)
		}
		var groupName string
		d.QueryRow(`SELECT name FROM orgs WHERE id = $1`, hdGroup).Scan(&groupName)
		daping := siteID(t, env, "大坪村党总支")
		p := func(f string, a ...any) string { return fmt.Sprintf(f, a...) }
		for _, c := range []struct {
			who *testkit.Client
			x   testkit.Exchange
		}{
			{admin, testkit.Exchange{Path: "/sites", Status: 200, Has: []string{`id="site-new-link"`, `id="site-filter"`, `id="plan-form"`, "党建示范镇活动阵地建设", "3,800,000.00"}}},
			{haidan, testkit.Exchange{Path: "/sites", Status: 200, Has: []string{`id="site-new-link"`}, HasNot: []string{`id="plan-form"`, `id="site-filter"`}}},
			{kuaiji, testkit.Exchange{Path: "/sites", Status: 200, Has: []string{`id="plan-form"`}, HasNot: []string{`id="site-new-link"`}}},
			{admin, testkit.Exchange{Path: "/sites/new", Status: 200, Has: []string{"海丹村党总支", groupName, "海戛村党总支", `id="plan_id"`, `id="override"`}}},
			{haidan, testkit.Exchange{Path: "/sites/new", Status: 200, Has: []string{"海丹村党总支", groupName}, HasNot: []string{"海戛村党总支", `id="plan_id"`, `id="override"`}}},
			{kuaiji, testkit.Exchange{Path: "/sites/new", Status: 403}},
			// A plan: refused beside its fields, what was typed kept.
			{admin, testkit.Exchange{Path: "/site-plans", Form: url.Values{"title": {"阵地规划"}, "year": {"2027"}, "declared": {"12.345"}}, Status: 400,
				Has: []string{`value="阵地规划"`, `value="12.345"`, "金额格式如 5000"}}},
			{admin, testkit.Exchange{Path: "/site-plans", Form: url.Values{"title": {""}, "year": {"1999"}, "declared": {"380"}}, Status: 400,
				Has: []string{"年度须在 2000 至 2031 年之间", "必填", `value="1999"`, `value="380"`}}},
			{admin, testkit.Exchange{Path: "/site-plans", Form: url.Values{"title": {"2027年阵地提升规划"}, "year": {"2027"}, "declared": {"1,200,000"}}, Status: 303}},
			{admin, testkit.Exchange{Path: "/sites", Status: 200, Has: []string{"2027年阵地提升规划", "1,200,000.00"}}},
			{haidan, testkit.Exchange{Path: "/site-plans", Form: url.Values{"title": {"x"}, "year": {"2027"}, "declared": {"1"}}, Status: 403}},
			{admin, testkit.Exchange{Method: "POST", Path: "/api/v1/site-plans", JSON: p(`{"town_id": %d, "year": 2028, "title": "2028年规划", "declared_fen": 100000000}`, env.Town.Town.ID), Status: 201,
				Has: []string{`"declared_fen":100000000`}}},
			{admin, testkit.Exchange{Path: "/api/v1/site-plans", Status: 200, Has: []string{"2028年规划", "2027年阵地提升规划", "党建示范镇活动阵地建设"}}},
			// A site: the organisation decides the level; a town-level
			// organisation has no site.
			{admin, testkit.Exchange{Path: "/sites", Form: url.Values{"org_id": {p("%d", townLevel)}, "kind": {"new"}, "land_m2": {"300"}, "floor_m2": {"-5"}}, Status: 400,
				Has: []string{"不是村党总支或村民小组党支部，不能建设活动场所项目", "请填写 0 至 1000000 之间的整数", `value="300"`, `value="-5"`}}},
			{admin, testkit.Exchange{Path: "/sites", Form: url.Values{"org_id": {p("%d", hdGroup)}, "kind": {"new"}, "floor_m2": {"180平方米"}}, Status: 400,
				Has: []string{"请填写数字", `value="180平方米"`, p(`value="%d" selected`, hdGroup)}}},
			{haidan, testkit.Exchange{Path: "/sites", Form: url.Values{"org_id": {p("%d", hdGroup)}, "kind": {"renovate"}, "main_buildings": {"1"}, "land_m2": {"300"}, "floor_m2": {"180"}}, Status: 303}},
			{haidan, testkit.Exchange{Path: p("/sites?village_id=%d", hd.ID), Status: 200, Has: []string{groupName, "规划外"}}},
			// Putting a site into a plan is the town's.
			{haidan, testkit.Exchange{Path: "/sites", Form: url.Values{"org_id": {p("%d", hdGroup2)}, "plan_id": {p("%d", planID(t, env))}, "kind": {"new"}}, Status: 403}},
			// Another village's leader adds nothing to 海丹: its group is
			// a record that does not exist.
			{haiga, testkit.Exchange{Path: "/sites", Form: url.Values{"org_id": {p("%d", hdGroup2)}, "kind": {"new"}}, Status: 404, Has: []string{"找不到该记录"}}},
			{haiga, testkit.Exchange{Method: "POST", Path: "/api/v1/sites", JSON: p(`{"org_id": %d, "kind": "new", "spec": {"main_buildings": 1, "annexes": 0, "land_m2": 0, "floor_m2": 0}}`, hdGroup2), Status: 404}},
			{admin, testkit.Exchange{Method: "POST", Path: "/api/v1/sites", JSON: p(`{"org_id": %d, "plan_id": %d, "kind": "new", "spec": {"main_buildings": 1, "annexes": 1, "land_m2": 500, "floor_m2": 320}}`, hdGroup2, planID(t, env)),
				Status: 201, Has: []string{`"level":"branch"`, `"land_m2":500`}}},
			{admin, testkit.Exchange{Method: "POST", Path: "/api/v1/sites", JSON: p(`{"org_id": %d, "plan_id": %d, "kind": "new", "spec": {"main_buildings": 1, "annexes": 1, "land_m2": 500, "floor_m2": 320}}`, hdGroup2, planID(t, env)),
				Status: 409, Has: []string{"在该规划中已有项目"}}},
			{admin, testkit.Exchange{Path: p("/sites?village_id=%d", hx.ID), Status: 200, Has: []string{"海戛村党总支"}, HasNot: []string{groupName}}},
			// 大坪's own subsidy: the reason is required.
			{kuaiji, testkit.Exchange{Path: p("/sites/%d", daping), Status: 200, Has: []string{`id="override-form"`, `value="500,000.00"`, "县财政按大坪实际核定补助 50 万元"}}},
			{haidan, testkit.Exchange{Path: p("/sites/%d", siteID(t, env, "海丹村党总支")), Status: 200, HasNot: []string{`id="override-form"`}}},
			{kuaiji, testkit.Exchange{Path: p("/sites/%d/override", daping), Form: url.Values{"override": {"450000"}, "override_reason": {""}}, Status: 400,
				Has: []string{"必填", `value="450000"`}}},
			{kuaiji, testkit.Exchange{Path: p("/sites/%d/override", daping), Form: url.Values{"override": {"450000"}, "override_reason": {"县财政复核后核定 45 万元"}}, Status: 303}},
			{kuaiji, testkit.Exchange{Path: p("/sites/%d", daping), Status: 200, Has: []string{"单独核定 450,000.00 元：县财政复核后核定 45 万元"}}},
			{kuaiji, testkit.Exchange{Path: p("/site-reconciliation?plan_id=%d", planID(t, env)), Status: 200, Has: []string{`id="recon-due">4,220,000.00`}}}, // 417 + 10 (the new group site) − 50 + 45
			{haidan, testkit.Exchange{Path: p("/sites/%d/override", daping), Form: url.Values{"override": {"1"}, "override_reason": {"x"}}, Status: 403}},
			{admin, testkit.Exchange{Method: "POST", Path: p("/api/v1/sites/%d/override", daping), JSON: `{"override_fen": 50000000, "override_reason": "县财政按大坪实际核定补助 50 万元"}`, Status: 200,
				Has: []string{`"override_fen":50000000`}}},
			{haidan, testkit.Exchange{Method: "POST", Path: p("/api/v1/sites/%d/budget", siteID(t, env, "海丹村党总支")), JSON: `{"lines": [{"source": "county", "amount_fen": 96000000}, {"source": "self", "amount_fen": 1000000}]}`,
				Status: 200, Has: []string{`"budget_total_fen":97000000`}}},
			{haiga, testkit.Exchange{Method: "POST", Path: p("/api/v1/sites/%d/budget", siteID(t, env, "海丹村党总支")), JSON: `{"lines": []}`, Status: 404}},
		} {
			c.x.Check(t, c.who)
		}
		// English.
		en := env.Login(t, "county")
		testkit.ReadBody(en.Get("/lang/en?next=/"))
		testkit.Exchange{Path: "/sites/new?town_id=" + fmt.Sprint(env.Town.Town.ID), Status: 200, Has: []string{"Register a site project"}}.Check(t, en)
	})
}

// planID is the demo's plan.
func planID(t *testing.T, env *testkit.Env) int64 {
	t.Helper()
	var id int64
	if err := env.DB.QueryRow(`SELECT MIN(id) FROM site_plans`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}
