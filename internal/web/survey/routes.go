package survey

import (
	"dangjian/internal/auth"
	"dangjian/internal/survey"
	"dangjian/internal/web"
)

// routes are the surveys for the town, and /survey for respondents, who
// need no account.
func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Page("GET", "/surveys", h.surveyList).Needs(auth.PermSurveyRead),
		web.Page("POST", "/surveys", h.surveyCreate).Needs(auth.PermSurveyManage),
		web.Page("GET", "/surveys/{id}", h.surveyShow).Needs(auth.PermSurveyRead),
		web.Page("POST", "/surveys/{id}/codes", h.codeIssue).Needs(auth.PermSurveyManage),
		web.Page("POST", "/surveys/{id}/close", h.surveyClose).Needs(auth.PermSurveyManage),
		web.Page("POST", "/survey-subjects/{id}/followups", h.followupCreate).Needs(auth.PermSurveyManage),

		web.Open("GET", "/survey", h.answerStart),
		web.Open("POST", "/survey", h.answerFind),
		web.Open("GET", "/survey/{code}", h.answerShow),
		web.Open("POST", "/survey/{code}", h.answerSubmit),

		web.API("GET", "/api/v1/surveys", h.apiSurveyList).Needs(auth.PermSurveyRead),
		web.API("POST", "/api/v1/surveys", h.apiSurveyCreate).Needs(auth.PermSurveyManage),
		web.API("GET", "/api/v1/surveys/{id}", h.apiSurveyShow).Needs(auth.PermSurveyRead),
		web.API("GET", "/api/v1/surveys/{id}/results", h.apiSurveyResults).Needs(auth.PermSurveyRead),
		web.API("POST", "/api/v1/surveys/{id}/codes", h.apiCodeIssue).Needs(auth.PermSurveyManage),
		web.API("POST", "/api/v1/surveys/{id}/close", h.apiSurveyClose).Needs(auth.PermSurveyManage),
		web.API("POST", "/api/v1/survey-subjects/{id}/followups", h.apiFollowupCreate).Needs(auth.PermSurveyManage),
	}
}

var apiDocs = map[string]web.APIDoc{
	"GET /api/v1/surveys": {Summary: "Credibility surveys of the 两委 in the caller's scope, newest year first",
		Query: []string{"year", "after", "limit"}, Response: survey.Survey{}, List: true},
	"POST /api/v1/surveys": {Status: 201, Summary: "Open a survey of a village's 两委: the team and each member holding a post today; weights in percent per group (cadre, party_rep, npc_rep, cppcc, public) adding up to 100, threshold 1–100",
		Request: surveyCreateBody{}, Response: survey.Sheet{}},
	"GET /api/v1/surveys/{id}": {Summary: "A survey with its groups (codes issued, answers counted) and subjects", Response: survey.Sheet{}},
	"GET /api/v1/surveys/{id}/results": {Summary: "A closed survey's results: one column per group of at least 5 answers, smaller groups pooled (or hidden when fewer than 5 together), weighted scores, flags below the threshold and the 甄别 recorded",
		Response: survey.Results{}},
	"POST /api/v1/surveys/{id}/codes": {Status: 201, Summary: "Issue one-time codes for a group (1–1000). The codes are in this answer only: the server keeps their hashes",
		Request: codeIssueBody{}, Response: survey.Issued{}},
	"POST /api/v1/surveys/{id}/close": {Summary: "Close a survey: unused codes are withdrawn, the results can be read", Response: survey.Survey{}},
	"POST /api/v1/survey-subjects/{id}/followups": {Status: 201, Summary: "Record what 甄别 decided about a subject scored below the threshold (retained, adjusted, replaced, referred)",
		Request: followupBody{}, Response: survey.Followup{}},
}
