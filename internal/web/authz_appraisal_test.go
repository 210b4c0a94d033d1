package web_test

import "dangjian/internal/db"

// 双述双评's records, bodies and lists for the walks: the newest round in
// the walk's subtree (w.at) and its first cadre.
func init() {
	foreignIDs["appraisals"] = func(w *walk) (int64, error) {
		return w.one(`SELECT MAX(r.id) FROM appraisal_rounds r JOIN orgs o ON o.id = r.org_id
			WHERE o.path >= $1 AND o.path < $2`, w.at.Path, db.PathEnd(w.at.Path))
	}
	foreignIDs["appraisal-cadres"] = func(w *walk) (int64, error) {
		return w.one(`SELECT MIN(c.id) FROM appraisal_cadres c JOIN appraisal_rounds r ON r.id = c.round_id
			JOIN orgs o ON o.id = r.org_id WHERE o.path >= $1 AND o.path < $2`, w.at.Path, db.PathEnd(w.at.Path))
	}
	sums := ""
	for _, q := range []string{"de", "neng", "qin", "ji", "lian"} {
		for _, a := range []string{"party", "economy", "stability", "projects"} {
			sums += `"` + q + "." + a + `": 400, `
		}
	}
	tallyForm := map[string]string{"cadre_id": "$cadre", "group": "town", "ballots": "5"}
	for _, q := range []string{"de", "neng", "qin", "ji", "lian"} {
		for _, a := range []string{"party", "economy", "stability", "projects"} {
			tallyForm["sum_"+q+"."+a] = "400"
		}
	}
	for key, bc := range map[string]bodyCase{
		"POST /appraisals": {form: map[string]string{"org_id": "$org", "year": "2025", "weight_member": "30",
			"weight_representative": "30", "weight_town": "40", "cut_excellent": "90", "cut_competent": "75", "cut_basic": "60"}},
		"POST /appraisals/{id}/tallies":              {form: tallyForm},
		"POST /appraisals/{id}/reports":              {form: map[string]string{"cadre_id": "$cadre", "kind": "duty", "on": "2026-11-20", "text": "述职"}},
		"POST /api/v1/appraisals":                    {json: `{"org_id": "$org", "year": 2025}`},
		"POST /api/v1/appraisal-cadres/{id}/tallies": {json: `{"group": "town", "ballots": 5, "sums": {` + sums[:len(sums)-2] + `}}`},
		"POST /api/v1/appraisal-cadres/{id}/reports": {},
	} {
		bodyFields[key] = bc
	}
	listQuery["GET /appraisals"] = map[string]int{}
	listQuery["GET /api/v1/appraisals"] = map[string]int{}
}
