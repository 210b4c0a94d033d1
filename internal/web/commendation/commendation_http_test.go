package commendation_test

import (
	"fmt"
	"net/url"
	"strconv"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

func TestCommendationPagesAndAPI(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		town := env.Town
		admin, haidan, haiga, minjia1, jiandu := env.Login(t, "admin"), env.Login(t, "haidan"), env.Login(t, "haiga"),
			env.Login(t, "minjia1"), env.Login(t, "jiandu")
		var hd, minjia int64
		if err := d.QueryRow(`SELECT id FROM commendations WHERE org_id = $1 AND year = 2026`, town.Villages["海丹"].ID).Scan(&hd); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(`SELECT id FROM commendations WHERE org_id = $1 AND year = 2026`, town.Villages["民家"].ID).Scan(&minjia); err != nil {
			t.Fatal(err)
		}
		id := func(n int64) string { return strconv.FormatInt(n, 10) }
		var members, quota int
		if err := d.QueryRow(`SELECT members_n, quota FROM commendations WHERE id = $1`, hd).Scan(&members, &quota); err != nil {
			t.Fatal(err)
		}
		quotaLine := fmt.Sprintf("党员 %d 人，表彰名额最多 %d 人", members, quota)
		for _, row := range []struct {
			who *testkit.Client
			x   testkit.Exchange
		}{
			{haidan, testkit.Exchange{Path: "/commendations/" + id(hd), Status: 200,
				Has: []string{quotaLine, `id="step-form"`, "受党纪处分期间", `id="step-2"`}, HasNot: []string{`id="step-3"`}}},
			{haiga, testkit.Exchange{Path: "/commendations/" + id(hd), Status: 404}},
			{jiandu, testkit.Exchange{Path: "/commendations/" + id(hd), Status: 200, Has: []string{quotaLine}, HasNot: []string{`id="step-form"`}}},
			{minjia1, testkit.Exchange{Path: "/commendations", Status: 200, HasNot: []string{"民家村党总支"}}},
			{admin, testkit.Exchange{Path: "/commendations/" + id(minjia), Status: 200,
				Has: []string{`id="step-4"`, "评选结果已提交党务公开"}, HasNot: []string{`id="step-form"`}}},
			{admin, testkit.Exchange{Path: "/api/v1/commendations/" + id(minjia), Status: 200, Has: []string{`"step":4`, `"publishing":true`}}},
			{haidan, testkit.Exchange{Name: "out of order", Method: "POST", Path: "/api/v1/commendations/" + id(hd) + "/steps",
				JSON:   `{"step": 4, "held_on": "2026-11-25", "expected": 9, "present": 8, "votes": [{"member_id": 1, "votes": 8}]}`,
				Status: 422, Has: []string{"commendation.step_order", "党总支审核"}}},
			{haidan, testkit.Exchange{Name: "step form errors", Form: url.Values{"step": {"3"}, "held_on": {"2026-11-25"}},
				Path: "/commendations/" + id(hd) + "/steps", Status: 400, Has: []string{"请在名单中至少选择一名党员"}}},
			{haidan, testkit.Exchange{Name: "one a year", Form: url.Values{"year": {"2026"}},
				Path: "/commendations?org_id=" + id(town.Villages["海丹"].ID), Status: 409}},
			{haidan, testkit.Exchange{Name: "another village's", Method: "POST", Path: "/api/v1/commendations",
				JSON: fmt.Sprintf(`{"org_id": %d, "year": 2026}`, town.Villages["大坪"].ID), Status: 404}},
			{minjia1, testkit.Exchange{Name: "a branch secretary reads, never starts", Method: "POST", Path: "/api/v1/commendations",
				JSON: fmt.Sprintf(`{"org_id": %d, "year": 2026}`, town.Villages["民家"].ID), Status: 403}},
			{admin, testkit.Exchange{Name: "begin", Method: "POST", Path: "/api/v1/commendations",
				JSON: fmt.Sprintf(`{"org_id": %d, "year": 2026}`, town.Villages["大坪"].ID), Status: 201, Has: []string{`"quota":`}}},
		} {
			row.x.Check(t, row.who)
		}
		en := env.Login(t, "haidan")
		en.Get("/lang/en")
		testkit.Exchange{Name: "in English", Method: "POST", Path: "/api/v1/commendations/" + id(hd) + "/steps",
			JSON:   `{"step": 1, "held_on": "2026-11-25", "expected": 9, "present": 8, "votes": [{"member_id": 1, "votes": 8}]}`,
			Status: 422, Has: []string{"The steps go in order"}}.Check(t, en)
	})
}
