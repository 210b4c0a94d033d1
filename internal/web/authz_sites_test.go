package web_test

// The sites' new forms and API: a site names its organisation, a plan
// its town; the override and the budget take the path's site. The new
// site form decides a town_id named in its query like a record and only
// preselects an org_id.
func init() {
	for k, v := range map[string]bodyCase{
		"POST /sites":                      {form: map[string]string{"org_id": "$org", "kind": "renovate", "main_buildings": "1"}},
		"POST /site-plans":                 {query: map[string]string{"town_id": "$town"}, form: map[string]string{"title": "阵地提升规划", "year": "2026", "declared": "100000"}},
		"POST /sites/{id}/override":        {},
		"POST /api/v1/sites":               {json: `{"org_id": "$org", "kind": "renovate", "spec": {"main_buildings": 1, "annexes": 0, "land_m2": 0, "floor_m2": 0}}`},
		"POST /api/v1/sites/{id}/override": {},
		"POST /api/v1/sites/{id}/budget":   {},
		"POST /api/v1/site-plans":          {json: `{"town_id": "$town", "year": 2026, "title": "阵地提升规划", "declared_fen": 10000000}`},
	} {
		bodyFields[k] = v
	}
	listQuery["GET /sites/new"] = map[string]int{"town_id": 404, "org_id": 200}
	listQuery["GET /api/v1/site-plans"] = map[string]int{"town_id": 404}
}
