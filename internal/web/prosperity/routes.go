package prosperity

import (
	"dangjian/internal/auth"
	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

// routes are the trainings with their forms, the coverage targets and
// the villages' industries.
func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Page("GET", "/trainings", h.trainingList).Needs(auth.PermPeopleRead),
		web.Page("POST", "/trainings", h.trainingCreate).Needs(auth.PermProsperity),
		web.Page("GET", "/trainings/{id}", h.trainingShow).Needs(auth.PermPeopleRead),
		web.Page("POST", "/trainings/{id}/sessions", h.sessionCreate).Needs(auth.PermProsperity),
		web.Page("POST", "/trainings/{id}/complete", h.trainingComplete).Needs(auth.PermProsperity),
		web.Page("GET", "/coverage", h.coverageShow).Needs(auth.PermPeopleRead),
		web.Page("GET", "/industries", h.industryShow).Needs(auth.PermPeopleRead),

		web.API("GET", "/api/v1/trainings", h.apiTrainingList).Needs(auth.PermPeopleRead),
		web.API("GET", "/api/v1/trainings/{id}", h.apiTrainingShow).Needs(auth.PermPeopleRead),
		web.API("POST", "/api/v1/trainings/{id}/sessions", h.apiSessionCreate).Needs(auth.PermProsperity),
		web.API("GET", "/api/v1/coverage", h.apiCoverageShow).Needs(auth.PermPeopleRead),
		web.API("GET", "/api/v1/village-model", h.apiModelShow).Needs(auth.PermPeopleRead),
	}
}

var apiDocs = map[string]web.APIDoc{
	"GET /api/v1/trainings": {Summary: "Trainings (两校进村, 绿色证书, 远程教育站点辅导, 科技下乡) of a village (org_id a village) or a town, newest first",
		Query: []string{"org_id", "before", "limit"}, Response: prosperity.Training{}, List: true},
	"GET /api/v1/trainings/{id}": {Summary: "One training with its sessions and the residents who attended, completed and were certified",
		Response: prosperity.TrainingView{}},
	"POST /api/v1/trainings/{id}/sessions": {Status: 201, Summary: "Record a session of a training with the residents of its village who attended",
		Request: sessionBody{}, Response: prosperity.Session{}},
	"GET /api/v1/coverage": {Summary: "The two targets of a village or town from the registry: households with a 科技明白人 (a certificate holder), young adults (band configurable, default 18–45) with a skill; the missing listed per village up to missing (default 50)",
		Query: []string{"org_id", "missing"}, Response: prosperity.Coverage{}},
	"GET /api/v1/village-model": {Summary: "A village's 支部+产业+专业合作组织+农户: industries, cooperatives with their leading branch and member households",
		Query: []string{"village_id"}, Response: prosperity.Model{}},
}
