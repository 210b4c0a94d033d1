package appraisal_test

import (
	"fmt"
	"net/url"
	"strconv"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

func TestAppraisalPagesAndAPI(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		town := env.Town
		admin, haidan, haiga, minjia1, jiandu := env.Login(t, "admin"), env.Login(t, "haidan"), env.Login(t, "haiga"),
			env.Login(t, "minjia1"), env.Login(t, "jiandu")
		id := func(n int64) string { return strconv.FormatInt(n, 10) }
		round := func(village string) (r, cadre int64) {
			if err := d.QueryRow(`SELECT r.id, MIN(c.id) FROM appraisal_rounds r JOIN appraisal_cadres c ON c.round_id = r.id
				WHERE r.org_id = $1 AND r.year = 2026 GROUP BY r.id`, town.Villages[village].ID).Scan(&r, &cadre); err != nil {
				t.Fatal(err)
			}
			return r, cadre
		}
		hd, hdCadre := round("海丹")
		kz, _ := round("块泽")
		var flagged int64
		if err := d.QueryRow(`SELECT c.id FROM appraisal_cadres c WHERE c.round_id = $1 AND c.posts LIKE '%director%'
			AND c.posts NOT LIKE '%deputy_director%' ORDER BY c.id LIMIT 1`, kz).Scan(&flagged); err != nil {
			t.Fatal(err)
		}
		var sums string
		for _, q := range []string{"de", "neng", "qin", "ji", "lian"} {
			for _, a := range []string{"party", "economy", "stability", "projects"} {
				sums += fmt.Sprintf(`"%s.%s": 400,`, q, a)
			}
		}
		sums = sums[:len(sums)-1]
		form := url.Values{"cadre_id": {id(hdCadre)}, "group": {"town"}, "ballots": {"5"}}
		for _, q := range []string{"de", "neng", "qin", "ji", "lian"} {
			for _, a := range []string{"party", "economy", "stability", "projects"} {
				form.Set("sum_"+q+"."+a, "450")
			}
		}
		bad := url.Values{"cadre_id": {id(hdCadre)}, "group": {"town"}, "ballots": {"5"}, "sum_de.party": {"501"}}
		for _, row := range []struct {
			who *testkit.Client
			x   testkit.Exchange
		}{
			{haidan, testkit.Exchange{Path: "/appraisals", Status: 200, Has: []string{"海丹村党总支"}, HasNot: []string{"块泽村党总支", `id="appraisal-open"`}}},
			{haidan, testkit.Exchange{Path: "/appraisals/" + id(hd), Status: 200, Has: []string{`id="results"`, "镇党委评价", `id="print-link"`},
				HasNot: []string{`id="tally-form"`}}},
			{haiga, testkit.Exchange{Path: "/appraisals/" + id(hd), Status: 404}},
			{haiga, testkit.Exchange{Path: "/appraisal-cadres/" + id(hdCadre), Status: 404}},
			{jiandu, testkit.Exchange{Path: "/appraisals/" + id(hd), Status: 200, Has: []string{`id="results"`}}},
			// A branch secretary holds appraisal.read nowhere: the kit's gate.
			{minjia1, testkit.Exchange{Path: "/appraisals/" + id(hd), Status: 403}},
			{admin, testkit.Exchange{Path: "/appraisals/" + id(kz), Status: 200, Has: []string{"第三十三条", `id="tally-form"`}}},
			{admin, testkit.Exchange{Path: "/appraisal-cadres/" + id(flagged), Status: 200, Has: []string{`id="removal"`, "不称职", `id="history"`}}},
			{admin, testkit.Exchange{Path: "/appraisals/" + id(kz) + "/print", Status: 200, Has: []string{"考核结果表", "盖章"}}},
			{admin, testkit.Exchange{Path: "/api/v1/appraisals/" + id(kz), Status: 200, Has: []string{`"removal":true`}}},
			{admin, testkit.Exchange{Path: "/api/v1/appraisals?year=2026", Status: 200, Has: []string{`"year":2026`}}},
			{haidan, testkit.Exchange{Path: "/api/v1/appraisal-cadres/" + id(hdCadre), Status: 200, Has: []string{`"years":`}}},
			{haidan, testkit.Exchange{Name: "a village leader is rated, never rates", Method: "POST",
				Path: "/api/v1/appraisal-cadres/" + id(hdCadre) + "/tallies", JSON: `{"group": "town", "ballots": 5, "sums": {` + sums + `}}`, Status: 403}},
			{admin, testkit.Exchange{Name: "over the most", Method: "POST", Path: "/api/v1/appraisal-cadres/" + id(hdCadre) + "/tallies",
				JSON: `{"group": "town", "ballots": 3, "sums": {` + sums + `}}`, Status: 400, Has: []string{"合计须在 0 至 300 之间"}}},
			{admin, testkit.Exchange{Name: "tally", Method: "POST", Path: "/api/v1/appraisal-cadres/" + id(hdCadre) + "/tallies",
				JSON: `{"group": "town", "ballots": 5, "sums": {` + sums + `}}`, Status: 201, Has: []string{`"complete":true`}}},
			{admin, testkit.Exchange{Name: "tally form", Form: form, Path: "/appraisals/" + id(hd) + "/tallies", Status: 303}},
			{admin, testkit.Exchange{Name: "tally form errors", Form: bad, Path: "/appraisals/" + id(hd) + "/tallies", Status: 400,
				Has: []string{"请填写本项分数合计", "合计须在 0 至 500 之间"}}},
			{admin, testkit.Exchange{Name: "another round's cadre", Form: url.Values{"cadre_id": {id(hdCadre)}, "kind": {"duty"},
				"on": {"2026-11-20"}, "text": {"述职"}}, Path: "/appraisals/" + id(kz) + "/reports", Status: 400, Has: []string{"请选择本轮述评中的干部"}}},
			{admin, testkit.Exchange{Name: "report", Method: "POST", Path: "/api/v1/appraisal-cadres/" + id(hdCadre) + "/reports",
				JSON: `{"kind": "integrity", "text": "严格遵守廉洁自律规定。", "on": "2026-11-20"}`, Status: 201, Has: []string{"严格遵守廉洁自律规定"}}},
			{admin, testkit.Exchange{Name: "one a year", Form: url.Values{"org_id": {id(town.Villages["海丹"].ID)}, "year": {"2026"},
				"weight_member": {"30"}, "weight_representative": {"30"}, "weight_town": {"40"}, "cut_excellent": {"90"},
				"cut_competent": {"75"}, "cut_basic": {"60"}}, Path: "/appraisals", Status: 409}},
			{admin, testkit.Exchange{Name: "weights", Method: "POST", Path: "/api/v1/appraisals",
				JSON:   fmt.Sprintf(`{"org_id": %d, "year": 2025, "weights": {"member": 50, "town": 40}}`, town.Villages["海丹"].ID),
				Status: 422, Has: []string{"appraisal.weights", "90%"}}},
			{admin, testkit.Exchange{Name: "open", Method: "POST", Path: "/api/v1/appraisals",
				JSON: fmt.Sprintf(`{"org_id": %d, "year": 2025}`, town.Villages["海丹"].ID), Status: 201, Has: []string{`"results":`}}},
		} {
			row.x.Check(t, row.who)
		}
		en := env.Login(t, "admin")
		en.Get("/lang/en")
		testkit.Exchange{Name: "in English", Path: "/appraisals/" + id(kz), Status: 200,
			Has: []string{"Cadre assessment", "Organic Law art. 33", "The town (评价)"}}.Check(t, en)
		testkit.Exchange{Name: "weights in English", Method: "POST", Path: "/api/v1/appraisals",
			JSON:   fmt.Sprintf(`{"org_id": %d, "year": 2024, "weights": {"member": 50}}`, town.Villages["海丹"].ID),
			Status: 422, Has: []string{"must add up to 100% (now 50%)"}}.Check(t, en)
	})
}
