package commendation

import (
	"dangjian/internal/auth"
	"dangjian/internal/commendation"
	"dangjian/internal/web"
)

// routes are the commendations, their steps and the discipline that bars
// a member.
func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Page("GET", "/commendations", h.commendationList).Needs(auth.PermCommendRead),
		web.Page("POST", "/commendations", h.commendationCreate).Needs(auth.PermCommendManage),
		web.Page("GET", "/commendations/{id}", h.commendationShow).Needs(auth.PermCommendRead),
		web.Page("POST", "/commendations/{id}/steps", h.stepCreate).Needs(auth.PermCommendManage),
		web.Page("POST", "/commendations/{id}/discipline", h.disciplineCreate).Needs(auth.PermCommendManage),

		web.API("GET", "/api/v1/commendations", h.apiCommendationList).Needs(auth.PermCommendRead),
		web.API("POST", "/api/v1/commendations", h.apiCommendationCreate).Needs(auth.PermCommendManage),
		web.API("GET", "/api/v1/commendations/{id}", h.apiCommendationShow).Needs(auth.PermCommendRead),
		web.API("POST", "/api/v1/commendations/{id}/steps", h.apiStepCreate).Needs(auth.PermCommendManage),
		web.API("POST", "/api/v1/discipline", h.apiDisciplineCreate).Needs(auth.PermCommendManage),
	}
}

var apiDocs = map[string]web.APIDoc{
	"GET /api/v1/commendations": {Summary: "Commendations of outstanding members in the caller's scope, newest year first",
		Query: []string{"year", "after", "limit"}, Response: commendation.Commendation{}, List: true},
	"POST /api/v1/commendations": {Status: 201, Summary: "Begin a general branch's commendation of a year: its members counted, the quota fixed at 20% rounded down",
		Request: commendationCreateBody{}, Response: commendation.Sheet{}},
	"GET /api/v1/commendations/{id}": {Summary: "A commendation with its steps, lists and votes, and every member with their eligibility", Response: commendation.Sheet{}},
	"POST /api/v1/commendations/{id}/steps": {Status: 201, Summary: "Record the next step (1 支部会议民主评议, 2 支部推荐, 3 党总支审核, 4 党总支全体党员大会民主评选) with its meeting and the list with votes; steps 2–4 within the quota, each list from those who passed the step before",
		Request: stepBody{}, Response: commendation.Sheet{}},
	"POST /api/v1/discipline": {Status: 201, Summary: "Record a member's 党纪处分 (warning, serious_warning, removal_from_post, probation); it bars commendation in the years it is in effect",
		Request: disciplineBody{}, Response: commendation.Discipline{}},
}
