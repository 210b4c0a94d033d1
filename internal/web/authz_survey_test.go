package web_test

// The credibility survey's records for the walks: 海戛's survey of last
// year (the demo's, closed) and its first subject, and the ids its
// bodies and lists take.
func init() {
	foreignIDs["survey-subjects"] = func(w *walk) (int64, error) {
		return w.one(`SELECT MIN(s.id) FROM survey_subjects s JOIN surveys v ON v.id = s.survey_id WHERE v.org_id = $1`,
			w.env.Town.Villages[foreignVillage].ID)
	}
	for key, bc := range map[string]bodyCase{
		"POST /surveys":                               {form: map[string]string{"org_id": "$org", "year": "2026"}},
		"POST /surveys/{id}/codes":                    {},
		"POST /surveys/{id}/close":                    {},
		"POST /survey-subjects/{id}/followups":        {}, // survey_id only picks the page to return to
		"POST /api/v1/surveys":                        {json: `{"org_id": "$org", "year": 2026}`},
		"POST /api/v1/surveys/{id}/codes":             {},
		"POST /api/v1/surveys/{id}/close":             {},
		"POST /api/v1/survey-subjects/{id}/followups": {},
	} {
		bodyFields[key] = bc
	}
	listQuery["GET /surveys"] = map[string]int{}
	listQuery["GET /api/v1/surveys"] = map[string]int{}
}
