package web_test

import (
	"dangjian/internal/db"
	"dangjian/internal/org"
)

// The centres' records that the walks cannot find by table name, the ids
// their forms and bodies take, and what their lists answer for another
// village's id.
func init() {
	// Records of the walk's subtree (w.at). The centres are the villages':
	// at a group branch (民家一组) /centres/{id} takes the group itself (not
	// a village: a rule error to whoever reads it) and the centres' records
	// are those of the group's village (every role bound at a group holds
	// no centres permission, so the kit's gate answers alone).
	inGroup := func(w *walk) (bool, error) {
		n, err := w.one(`SELECT COUNT(*) FROM orgs WHERE id = $1 AND type = 'general_branch'`, w.at.ParentID)
		return n == 1 && w.at.Type != org.TypeGeneralBranch, err
	}
	village := func(w *walk) (int64, error) {
		if g, err := inGroup(w); err != nil || g {
			return w.at.ID, err
		}
		return w.one(`SELECT id FROM orgs WHERE path >= $1 AND path < $2 AND type = 'general_branch' ORDER BY path LIMIT 1`,
			w.at.Path, db.PathEnd(w.at.Path))
	}
	inVillage := func(table string) func(w *walk) (int64, error) {
		return func(w *walk) (int64, error) {
			g, err := inGroup(w)
			if err != nil {
				return 0, err
			}
			if g {
				return w.one(`SELECT MIN(id) FROM `+table+` WHERE org_id = $1`, w.at.ParentID)
			}
			return w.one(`SELECT x.id FROM `+table+` x JOIN orgs o ON o.id = x.org_id
				WHERE o.path >= $1 AND o.path < $2 ORDER BY x.id LIMIT 1`, w.at.Path, db.PathEnd(w.at.Path))
		}
	}
	foreignIDs["centres"] = village
	foreignIDs["cases"] = inVillage("centre_cases")
	foreignIDs["register-entries"] = inVillage("centre_register")
	foreignIDs["requests"] = inVillage("centre_requests")
	foreignIDs["loans"] = inVillage("library_loans")

	for k, v := range map[string]bodyCase{
		"POST /cases": {form: map[string]string{"org_id": "$org", "source": "talk", "category": "land", "title": "纠纷",
			"opened_on": "2026-11-20", "resident_id": "$resident"}},
		"POST /cases/{id}/sessions":          {},
		"POST /cases/{id}/close":             {},
		"POST /cases/{id}/followup":          {},
		"POST /minqing":                      {form: map[string]string{"org_id": "$org", "category": "land", "noted_on": "2026-11-20", "summary": "反映"}},
		"POST /rota":                         {form: map[string]string{"org_id": "$org", "on": "2026-12-20", "cadre": "主任"}},
		"POST /enterprise-notes":             {form: map[string]string{"org_id": "$org", "enterprise": "合作社", "noted_on": "2026-11-20", "note": "用工"}},
		"POST /registers/key":                {form: map[string]string{"org_id": "$org", "resident_id": "$resident", "category": "idle", "since": "2026-11-01", "visit_days": "30"}},
		"POST /registers/vulnerable":         {form: map[string]string{"org_id": "$org", "resident_id": "$resident", "category": "disabled", "since": "2026-11-01", "visit_days": "30"}},
		"POST /register-entries/{id}/visits": {},
		"POST /requests":                     {form: map[string]string{"org_id": "$org", "kind": "other", "applicant": "村民", "details": "代办"}},
		"POST /requests/{id}/advance":        {},
		"POST /culture/activities":           {form: map[string]string{"org_id": "$org", "title": "文艺演出", "held_on": "2026-11-20", "attendance": "50"}},
		"POST /culture/people":               {form: map[string]string{"org_id": "$org", "resident_id": "$resident", "kind": "performer", "speciality": "花灯"}},
		"POST /culture/rules":                {form: map[string]string{"org_id": "$org", "adopted_on": "2026-11-20", "body": "第一条"}},
		"POST /library/books":                {form: map[string]string{"org_id": "$org", "isbn": "9787020002207", "title": "红楼梦", "copies": "1"}},
		"POST /library/loans":                {form: map[string]string{"org_id": "@org", "resident_id": "$resident", "loaned_on": "2026-11-20"}},
		"POST /library/loans/{id}/return":    {form: map[string]string{"org_id": "@org", "returned_on": "2026-11-26"}},
		"POST /library/loans/{id}/renew":     {form: map[string]string{"org_id": "@org"}},
		"POST /api/v1/cases": {json: `{"org_id": "$org", "source": "talk", "category": "land", "title": "纠纷", "opened_on": "2026-11-20",
			"resident_ids": ["$resident"]}`},
		"POST /api/v1/cases/{id}/sessions":          {},
		"POST /api/v1/cases/{id}/close":             {},
		"POST /api/v1/registers/key":                {json: `{"org_id": "$org", "resident_id": "$resident", "category": "idle", "since": "2026-11-01", "visit_days": 30}`},
		"POST /api/v1/registers/vulnerable":         {json: `{"org_id": "$org", "resident_id": "$resident", "category": "disabled", "since": "2026-11-01", "visit_days": 30}`},
		"POST /api/v1/register-entries/{id}/visits": {},
		"POST /api/v1/requests/{id}/advance":        {},
	} {
		bodyFields[k] = v
	}
	// The centres' lists decide org_id like a record (404 outside scope);
	// the town table filters by town within scope.
	for k, v := range map[string]map[string]int{
		"GET /centres": {"town_id": 200}, "GET /api/v1/centres": {"town_id": 200},
		"GET /cases": {"org_id": 404}, "GET /api/v1/cases": {"org_id": 404},
		"GET /minqing": {"org_id": 404}, "GET /api/v1/minqing": {"org_id": 404}, "GET /api/v1/minqing/analysis": {"org_id": 404},
		"GET /requests": {"org_id": 404}, "GET /api/v1/requests": {"org_id": 404}, "GET /api/v1/library/loans": {"org_id": 404},
		"GET /registers/key": {"org_id": 404}, "GET /registers/vulnerable": {"org_id": 404},
		"GET /registers/key/export": {"org_id": 404}, "GET /registers/vulnerable/export": {"org_id": 404},
		"GET /api/v1/registers/key": {"org_id": 404}, "GET /api/v1/registers/vulnerable": {"org_id": 404},
		"GET /api/v1/registers/key/due": {"org_id": 404}, "GET /api/v1/registers/vulnerable/due": {"org_id": 404},
		"GET /api/v1/registers/key/export": {"org_id": 404}, "GET /api/v1/registers/vulnerable/export": {"org_id": 404},
	} {
		listQuery[k] = v
	}
}
