package prosperity_test

import (
	"fmt"
	"net/url"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// A village registers an industry and a cooperative in it, and enrols
// its households; another village's leader adds nothing to 海丹; the town
// records what an industry party organisation is set up in. Refusals
// come back beside their fields with what was typed.
func TestIndustriesCooperativesPagesAndAPI(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin, haidan, haiga, zhongxin, kuaiji := env.Login(t, "admin"), env.Login(t, "haidan"), env.Login(t, "haiga"), env.Login(t, "zhongxin"), env.Login(t, "kuaiji")
		hd, group := env.Town.Villages["海丹"], env.Town.Groups["海丹一组"]
		one := func(q string, args ...any) int64 {
			t.Helper()
			var id int64
			if err := d.QueryRow(q, args...).Scan(&id); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return id
		}
		moyu := one(`SELECT id FROM industries WHERE village_id = $1 AND name = '魔芋'`, hd.ID)
		coop := one(`SELECT id FROM cooperatives WHERE village_id = $1`, hd.ID)
		// Two households of 海丹 not yet in its cooperative, one of 海戛.
		h1 := one(`SELECT MIN(h.id) FROM households h JOIN orgs o ON o.id = h.org_id WHERE o.parent_id = $1
			AND NOT EXISTS (SELECT 1 FROM cooperative_members m WHERE m.household_id = h.id)`, hd.ID)
		h2 := one(`SELECT MAX(h.id) FROM households h JOIN orgs o ON o.id = h.org_id WHERE o.parent_id = $1
			AND NOT EXISTS (SELECT 1 FROM cooperative_members m WHERE m.household_id = h.id)`, hd.ID)
		foreign := one(`SELECT MIN(h.id) FROM households h JOIN orgs o ON o.id = h.org_id WHERE o.parent_id = $1`, env.Town.Villages["海戛"].ID)
		mine := one(`SELECT o.id FROM orgs o WHERE o.type = 'industry' AND o.name LIKE '%煤矿%' ORDER BY o.id LIMIT 1`)
		members := one(`SELECT COUNT(*) FROM cooperative_members WHERE cooperative_id = $1`, coop)
		p := func(f string, a ...any) string { return fmt.Sprintf(f, a...) }
		for _, c := range []struct {
			who *testkit.Client
			x   testkit.Exchange
		}{
			{haidan, testkit.Exchange{Path: "/industries", Status: 200, Has: []string{`id="industry-form"`, p(`id="coop-form-%d"`, moyu), p(`href="/cooperatives/%d"`, coop), "海丹一组党支部"}}},
			{kuaiji, testkit.Exchange{Path: p("/industries?village_id=%d", hd.ID), Status: 200, HasNot: []string{`id="industry-form"`, "coop-form-"}}},
			// An industry: the name is required and unique in the village.
			{haidan, testkit.Exchange{Path: p("/industries?village_id=%d", hd.ID), Form: url.Values{"name": {""}, "kind": {"specialty"}, "note": {"林下种植"}}, Status: 400,
				Has: []string{"必填", `value="林下种植"`, `value="specialty" selected`}}},
			{haidan, testkit.Exchange{Path: p("/industries?village_id=%d", hd.ID), Form: url.Values{"name": {"魔芋"}, "kind": {"one_product"}}, Status: 409, Has: []string{"魔芋"}}},
			{haidan, testkit.Exchange{Path: p("/industries?village_id=%d", hd.ID), Form: url.Values{"name": {"天麻"}, "kind": {"specialty"}, "note": {"林下种植"}}, Status: 303}},
			{haiga, testkit.Exchange{Path: p("/industries?village_id=%d", hd.ID), Form: url.Values{"name": {"核桃"}, "kind": {"specialty"}}, Status: 404, Has: []string{"找不到该记录"}}},
			{haiga, testkit.Exchange{Method: "POST", Path: "/api/v1/industries", JSON: p(`{"village_id": %d, "name": "核桃", "kind": "specialty"}`, hd.ID), Status: 404}},
			{zhongxin, testkit.Exchange{Method: "POST", Path: "/api/v1/industries", JSON: p(`{"village_id": %d, "name": "花椒", "kind": "specialty"}`, hd.ID), Status: 201, Has: []string{`"name":"花椒"`}}},
			{zhongxin, testkit.Exchange{Method: "POST", Path: "/api/v1/industries", JSON: p(`{"village_id": %d, "name": "花椒", "kind": "fruit"}`, hd.ID), Status: 400, Has: []string{`"kind":"请选择一村一品或特色产业。"`}}},
			// A cooperative in 魔芋, led by a group branch; the name is
			// required, and the error shows in the industry's own form.
			{haidan, testkit.Exchange{Path: p("/industries/%d/cooperatives?village_id=%d", moyu, hd.ID), Form: url.Values{"name": {""}, "branch_id": {p("%d", group.ID)}}, Status: 400,
				Has: []string{"必填", p(`value="%d" selected`, group.ID)}}},
			{haidan, testkit.Exchange{Path: p("/industries/%d/cooperatives?village_id=%d", moyu, hd.ID), Form: url.Values{"name": {"海丹魔芋加工专业合作社"}, "branch_id": {p("%d", group.ID)}}, Status: 303}},
			{haidan, testkit.Exchange{Path: "/industries", Status: 200, Has: []string{"海丹魔芋加工专业合作社", "天麻", "林下种植"}}},
			{haiga, testkit.Exchange{Path: p("/industries/%d/cooperatives", moyu), Form: url.Values{"name": {"海戛合作社"}}, Status: 404}},
			{haidan, testkit.Exchange{Method: "POST", Path: p("/api/v1/industries/%d/cooperatives", moyu), JSON: p(`{"branch_id": %d, "name": "海丹魔芋销售专业合作社"}`, group.ID), Status: 201,
				Has: []string{`"branch_name":"海丹一组"`}}},
			// Enrolment: households of the village only.
			{haidan, testkit.Exchange{Path: p("/cooperatives/%d", coop), Status: 200, Has: []string{`id="enrol-form"`, p(`value="%d"`, h1)}}},
			{kuaiji, testkit.Exchange{Path: p("/cooperatives/%d", coop), Status: 200, HasNot: []string{`id="enrol-form"`}}},
			{haiga, testkit.Exchange{Path: p("/cooperatives/%d", coop), Status: 404}},
			{haidan, testkit.Exchange{Path: p("/cooperatives/%d/members", coop), Form: url.Values{"joined_on": {"2026-11-20"}, "household_ids": {p("%d", h1), p("%d", foreign)}}, Status: 400,
				Has: []string{p("%d", foreign), p(`value="%d" checked`, h1)}}},
			{haidan, testkit.Exchange{Path: p("/cooperatives/%d/members", coop), Form: url.Values{"joined_on": {"2026-11-20"}}, Status: 400, Has: []string{"必填"}}},
			{haidan, testkit.Exchange{Path: p("/cooperatives/%d/members", coop), Form: url.Values{"joined_on": {"2026-11-20"}, "household_ids": {p("%d", h1)}}, Status: 303}},
			{haiga, testkit.Exchange{Path: p("/cooperatives/%d/members", coop), Form: url.Values{"joined_on": {"2026-11-20"}, "household_ids": {p("%d", h2)}}, Status: 404}},
			{haidan, testkit.Exchange{Method: "POST", Path: p("/api/v1/cooperatives/%d/members", coop), JSON: p(`{"household_ids": [%d, %d], "joined_on": "2026-11-21"}`, h1, h2), Status: 201,
				Has: []string{`"added":1`}}},
			{haidan, testkit.Exchange{Path: p("/api/v1/cooperatives/%d", coop), Status: 200, Has: []string{p(`"households":%d`, members+2), p(`"household_id":%d`, h2)}}},
			// The town records what the mine's organisation is set up in.
			{admin, testkit.Exchange{Path: "/industries", Status: 200, Has: []string{`id="attach-form"`, "海丹魔芋种植专业合作社"}}},
			{haidan, testkit.Exchange{Path: "/industry-attachments", Form: url.Values{"industry_org": {p("%d", mine)}, "kind": {"mine"}, "name": {"x"}}, Status: 404}},
			{admin, testkit.Exchange{Path: "/industry-attachments", Form: url.Values{"industry_org": {p("%d", mine)}, "kind": {"mine"}, "name": {""}}, Status: 400,
				Has: []string{"必填", p(`value="%d" selected`, mine), `value="mine" selected`}}},
			{admin, testkit.Exchange{Path: "/industry-attachments", Form: url.Values{"industry_org": {p("%d", mine)}, "kind": {"enterprise"}, "name": {"富源县大河煤矿有限公司"}}, Status: 303}},
			{admin, testkit.Exchange{Path: "/industries", Status: 200, Has: []string{"企业：富源县大河煤矿有限公司"}}},
			{admin, testkit.Exchange{Method: "POST", Path: "/api/v1/industry-attachments", JSON: p(`{"org_id": %d, "kind": "cooperative", "name": "海丹魔芋种植专业合作社", "cooperative_id": %d}`, mine, coop), Status: 200,
				Has: []string{`"attached_kind":"cooperative"`}}},
			{admin, testkit.Exchange{Path: "/api/v1/industry-orgs", Status: 200, Has: []string{`"attached_name":"海丹魔芋种植专业合作社"`, "煤矿企业型"[:0]}}},
			{haidan, testkit.Exchange{Path: p("/api/v1/industry-orgs?org_id=%d", env.Town.Town.ID), Status: 404}},
		} {
			c.x.Check(t, c.who)
		}
		en := env.Login(t, "county")
		testkit.ReadBody(en.Get("/lang/en?next=/"))
		testkit.Exchange{Path: p("/cooperatives/%d", coop), Status: 200, Has: []string{"Member households"}}.Check(t, en)
	})
}
