package appraisal

import (
	"dangjian/internal/appraisal"
	"dangjian/internal/auth"
	"dangjian/internal/web"
)

// routes are the rounds, their cadres' reports and counted totals, and
// each cadre's page.
func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Page("GET", "/appraisals", h.roundList).Needs(auth.PermAppraisalRead),
		web.Page("POST", "/appraisals", h.roundCreate).Needs(auth.PermAppraisalManage),
		web.Page("GET", "/appraisals/{id}", h.roundShow).Needs(auth.PermAppraisalRead),
		web.Page("GET", "/appraisals/{id}/print", h.roundPrint).Needs(auth.PermAppraisalRead),
		web.Page("POST", "/appraisals/{id}/tallies", h.tallyCreate).Needs(auth.PermAppraisalManage),
		web.Page("POST", "/appraisals/{id}/reports", h.reportCreate).Needs(auth.PermAppraisalManage),
		web.Page("GET", "/appraisal-cadres/{id}", h.cadreShow).Needs(auth.PermAppraisalRead),

		web.API("GET", "/api/v1/appraisals", h.apiRoundList).Needs(auth.PermAppraisalRead),
		web.API("POST", "/api/v1/appraisals", h.apiRoundCreate).Needs(auth.PermAppraisalManage),
		web.API("GET", "/api/v1/appraisals/{id}", h.apiRoundShow).Needs(auth.PermAppraisalRead),
		web.API("GET", "/api/v1/appraisal-cadres/{id}", h.apiCadreShow).Needs(auth.PermAppraisalRead),
		web.API("POST", "/api/v1/appraisal-cadres/{id}/tallies", h.apiTallyCreate).Needs(auth.PermAppraisalManage),
		web.API("POST", "/api/v1/appraisal-cadres/{id}/reports", h.apiReportCreate).Needs(auth.PermAppraisalManage),
	}
}

var apiDocs = map[string]web.APIDoc{
	"GET /api/v1/appraisals": {Summary: "双述双评 rounds in the caller's scope, newest year first",
		Query: []string{"year", "after", "limit"}, Response: appraisal.Round{}, List: true},
	"POST /api/v1/appraisals": {Status: 201, Summary: "Open a village's round of a year: the cadres are the 两委 as they stand; weights per rater group (member, representative, town; percent, summing to 100) and grade cut-offs default when left out",
		Request: roundCreateBody{}, Response: appraisal.Sheet{}},
	"GET /api/v1/appraisals/{id}": {Summary: "A round with every cadre's counted totals, group scores, weighted score (tenths of a point), rank within the village, grade and the removal flag (组织法 art. 33)",
		Response: appraisal.Sheet{}},
	"GET /api/v1/appraisal-cadres/{id}": {Summary: "A cadre's reports, result and results in every year of their village", Response: appraisal.History{}},
	"POST /api/v1/appraisal-cadres/{id}/tallies": {Status: 201, Summary: "Enter a rater group's ballots as counted on the spot: the number of ballots and the sum of points (0–100 a ballot) on each of the 20 criteria keyed quality.area (de|neng|qin|ji|lian × party|economy|stability|projects); entering a group again replaces it. No ballot or rater is stored",
		Request: tallyBody{}, Response: appraisal.Result{}},
	"POST /api/v1/appraisal-cadres/{id}/reports": {Status: 201, Summary: "Record a cadre's 述职 (duty) or 述廉 (integrity) report",
		Request: reportBody{}, Response: appraisal.Cadre{}},
}
