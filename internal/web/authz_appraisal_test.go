package web_test

// 双述双评's bodies and lists for the walks; its rounds and cadres are
// found by the village (the demo's round of this year).
func init() {
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
