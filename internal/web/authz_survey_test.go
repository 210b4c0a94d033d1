package web_test

import "dangjian/internal/db"

// The credibility survey's records for the walks: the first subject of a
// survey in the walk's subtree (w.at; for 海戛 the demo's closed survey of
// last year), and the ids its bodies and lists take.
func init() {
	foreignIDs["survey-subjects"] = func(w *walk) (int64, error) {
		return w.one(`SELECT s.id FROM survey_subjects s JOIN surveys v ON v.id = s.survey_id JOIN orgs o ON o.id = v.org_id
			WHERE o.path >= $1 AND o.path < $2 ORDER BY s.id LIMIT 1`, w.at.Path, db.PathEnd(w.at.Path))
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
