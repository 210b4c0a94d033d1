package web_test

// The commendation's bodies and lists for the walks; its records are
// found by table name (海戛's commendations of the demo).
func init() {
	for key, bc := range map[string]bodyCase{
		"POST /commendations": {form: map[string]string{"org_id": "$org", "year": "2026"}},
		"POST /commendations/{id}/steps": {form: map[string]string{"step": "3", "held_on": "2026-11-25", "expected": "7",
			"present": "7", "pick": "$member", "votes_{member}": "7"}},
		"POST /commendations/{id}/discipline": {form: map[string]string{"member_id": "$member", "kind": "warning", "decided_on": "2026-01-01"}},
		"POST /api/v1/commendations":          {json: `{"org_id": "$org", "year": 2026}`},
		"POST /api/v1/commendations/{id}/steps": {json: `{"step": 3, "held_on": "2026-11-25", "expected": 7, "present": 7,
			"votes": [{"member_id": "$member", "votes": 7}]}`},
		"POST /api/v1/discipline": {json: `{"member_id": "$member", "kind": "warning", "decided_on": "2026-01-01"}`},
	} {
		bodyFields[key] = bc
	}
	listQuery["GET /commendations"] = map[string]int{}
	listQuery["GET /api/v1/commendations"] = map[string]int{}
}
