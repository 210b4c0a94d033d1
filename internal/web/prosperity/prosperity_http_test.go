package prosperity_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

var coverageCard = regexp.MustCompile(`id="coverage-households">(\d+)/(\d+)<`)

func covered(t *testing.T, body string) int {
	t.Helper()
	m := coverageCard.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no coverage card")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// Trainings, coverage and the village picture on the pages and the API,
// as the town, a village leader, the village's centre staff and another
// village's leader see them; a session and a completion move coverage.
func TestProsperityPagesAndAPI(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin, haidan, zhongxin, haiga := env.Login(t, "admin"), env.Login(t, "haidan"), env.Login(t, "zhongxin"), env.Login(t, "haiga")
		hd := env.Town.Villages["海丹"].ID
		var training, household, resident int64
		if err := d.QueryRow(`SELECT MIN(id) FROM trainings WHERE village_id = $1 AND kind = 'green_cert'`, hd).Scan(&training); err != nil {
			t.Fatal(err)
		}
		// A household of 海丹 without a 科技明白人, and its first resident.
		if err := d.QueryRow(`SELECT MIN(h.id) FROM households h JOIN orgs o ON o.id = h.org_id WHERE o.parent_id = $1
			AND NOT EXISTS (SELECT 1 FROM residents r JOIN resident_skills k ON k.resident_id = r.id WHERE r.household_id = h.id AND k.certificate_no <> '')`, hd).Scan(&household); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(`SELECT MIN(id) FROM residents WHERE household_id = $1`, household).Scan(&resident); err != nil {
			t.Fatal(err)
		}
		p := func(f string, a ...any) string { return fmt.Sprintf(f, a...) }
		before := testkit.Exchange{Path: "/coverage", Status: 200, Has: []string{"尚无科技明白人的农户", "尚未掌握适用技能的青壮年"}}.Check(t, haidan)
		n0 := covered(t, before)
		for _, c := range []struct {
			who *testkit.Client
			x   testkit.Exchange
		}{
			{admin, testkit.Exchange{Path: "/coverage", Status: 200, Has: []string{"海丹", "黄泥堡", "全镇合计"}}},
			{admin, testkit.Exchange{Path: "/trainings", Status: 200, Has: []string{"绿色证书培训", "科技下乡", "“两校”进村", "远程教育站点辅导"}}},
			{haidan, testkit.Exchange{Path: "/trainings", Status: 200, Has: []string{`id="training-form"`}}},
			{haidan, testkit.Exchange{Path: p("/trainings/%d", training), Status: 200, Has: []string{"种养殖实用技术（绿色证书）", `id="session-form"`, "证书编号"}}},
			{haiga, testkit.Exchange{Path: p("/trainings/%d", training), Status: 404}},
			{haiga, testkit.Exchange{Path: p("/coverage?org_id=%d", hd), Status: 404}},
			{haidan, testkit.Exchange{Path: "/industries", Status: 200, Has: []string{`<svg id="model-svg"`, "魔芋", "海丹魔芋种植专业合作社", "户入社"}}},
			{admin, testkit.Exchange{Path: "/industries", Status: 200, Has: []string{"富源县大河煤矿", "煤矿企业型", "大河镇集镇建设重点项目"}}},
			{admin, testkit.Exchange{Path: "/api/v1/coverage?missing=3", Status: 200, Has: []string{`"young_from":18`, `"young_to":45`}}},
			{admin, testkit.Exchange{Path: p("/api/v1/village-model?village_id=%d", hd), Status: 200, Has: []string{`"name":"魔芋"`}}},
			{haidan, testkit.Exchange{Path: "/api/v1/trainings?limit=2", Status: 200, Has: []string{`"next":`}}},
			{haidan, testkit.Exchange{Path: p("/api/v1/trainings/%d", training), Status: 200, Has: []string{`"certifies":true`}}},
			// A new training by the centre staff; attendance of a resident
			// of another village is refused like a made-up id.
			{zhongxin, testkit.Exchange{Path: p("/trainings?village_id=%d", hd), Form: url.Values{"kind": {"green_cert"}, "title": {"绿色证书：魔芋种植"},
				"trainer": {"县农技站"}, "skill": {"魔芋种植"}, "started_on": {"2026-11-20"}, "certifies": {"1"}}, Status: 303}},
			{haidan, testkit.Exchange{Path: p("/trainings/%d/complete", training), Form: url.Values{"earned_on": {"2026-11-26"}, "resident_ids": {p("%d", resident)}},
				Status: 422, Has: []string{"未参加“绿色证书培训”的任何一期培训，不能登记结业"}}},
			{haidan, testkit.Exchange{Path: p("/trainings/%d/sessions", training), Form: url.Values{"held_on": {"2026-11-25"}, "topic": {"补课"}, "hours": {"2"},
				"resident_ids": {p("%d", resident)}}, Status: 303}},
			{haidan, testkit.Exchange{Path: p("/trainings/%d/complete", training), Form: url.Values{"earned_on": {"2026-11-26"}, "resident_ids": {p("%d", resident)}}, Status: 303}},
			{haiga, testkit.Exchange{Method: "POST", Path: p("/api/v1/trainings/%d/sessions", training), JSON: p(`{"held_on": "2026-11-25", "topic": "x", "hours": 1, "resident_ids": [%d]}`, resident), Status: 404}},
		} {
			c.x.Check(t, c.who)
		}
		after := testkit.Exchange{Path: "/coverage", Status: 200}.Check(t, haidan)
		if n1 := covered(t, after); n1 != n0+1 {
			t.Fatalf("households covered %d before, %d after", n0, n1)
		}
	})
}
