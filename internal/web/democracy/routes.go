package democracy

import (
	"dangjian/internal/auth"
	"dangjian/internal/democracy"
	"dangjian/internal/web"
)

// routes are the matters, the representatives, 五公开 items, feedback,
// and the public portal under /portal/.
func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Page("GET", "/matters", h.matterList).Needs(auth.PermDemocracyRead),
		web.Page("POST", "/matters", h.matterCreate).Needs(auth.PermDemocracyWrite),
		web.Page("GET", "/matters/{id}", h.matterShow).Needs(auth.PermDemocracyRead),
		web.Page("POST", "/matters/{id}/steps", h.matterStep).Needs(auth.PermDemocracyWrite),
		web.Page("GET", "/representatives", h.repList).Needs(auth.PermDemocracyRead),
		web.Page("POST", "/representatives", h.repAdd).Needs(auth.PermDemocracyWrite),
		web.Page("POST", "/representatives/{id}/end", h.repEnd).Needs(auth.PermDemocracyWrite),
		web.Page("GET", "/disclosures", h.itemList).Needs(auth.PermDemocracyRead),
		web.Page("POST", "/disclosures", h.itemCreate).Needs(auth.PermDemocracyWrite),
		web.Page("GET", "/disclosures/{id}", h.itemShow).Needs(auth.PermDemocracyRead),
		web.Page("POST", "/disclosures/{id}/review", h.itemReview).Needs(auth.PermDemocracyReview),
		web.Page("POST", "/disclosures/{id}/revise", h.itemRevise).Needs(auth.PermDemocracyWrite),
		web.Page("POST", "/disclosures/{id}/archive", h.itemArchive).Needs(auth.PermDemocracyReview),
		web.Page("GET", "/disclosure-overdue", h.itemOverdue).Needs(auth.PermDemocracyRead),
		web.Page("GET", "/projects", h.projectList).Needs(auth.PermDemocracyRead),
		web.Page("POST", "/projects", h.projectCreate).Needs(auth.PermDemocracyWrite),
		web.Page("GET", "/projects/{id}", h.projectShow).Needs(auth.PermDemocracyRead),
		web.Page("POST", "/projects/{id}/vote", h.projectVote).Needs(auth.PermDemocracyWrite),
		web.Page("POST", "/projects/{id}/collections", h.projectCollect).Needs(auth.PermDemocracyWrite),
		web.Page("GET", "/democracy-rules", h.ruleList).Needs(auth.PermDemocracyRead),
		web.Page("POST", "/democracy-rules", h.ruleSet).Needs(auth.PermDemocracyRules),
		web.Page("GET", "/feedback", h.feedbackList).Needs(auth.PermDemocracyRead),
		web.Page("POST", "/feedback/{id}/moderate", h.feedbackModerate).Needs(auth.PermDemocracyReview),
		web.Page("POST", "/feedback/{id}/reply", h.feedbackReply).Needs(auth.PermDemocracyWrite),

		web.Open("GET", "/portal/", h.portalIndex),
		web.Open("GET", "/portal/verify", h.portalVerify),
		web.Open("GET", "/portal/v/{id}", h.portalVillage),
		web.Open("GET", "/portal/v/{id}/items/{item}", h.portalItem),
		web.Open("GET", "/portal/v/{id}/notice/{item}", h.portalNotice),
		web.Open("GET", "/portal/v/{id}/data.json", h.portalDataJSON),
		web.Open("GET", "/portal/v/{id}/data.csv", h.portalDataCSV),
		web.Open("GET", "/portal/v/{id}/feedback", h.portalFeedbackForm),
		web.Open("POST", "/portal/v/{id}/feedback", h.portalFeedbackSend),

		web.API("GET", "/api/v1/matters", h.apiMatterList).Needs(auth.PermDemocracyRead),
		web.API("POST", "/api/v1/matters", h.apiMatterCreate).Needs(auth.PermDemocracyWrite),
		web.API("GET", "/api/v1/matters/{id}", h.apiMatterShow).Needs(auth.PermDemocracyRead),
		web.API("POST", "/api/v1/matters/{id}/steps", h.apiMatterStep).Needs(auth.PermDemocracyWrite),
		web.API("GET", "/api/v1/disclosure-late", h.apiDisclosureLate).Needs(auth.PermDemocracyRead),
	}
}

var apiDocs = map[string]web.APIDoc{
	"GET /api/v1/matters": {Summary: "四议两公开 matters in the caller's scope, newest first (steps 1–6: 党支部会提议, 两委会商议, 党员大会审议, 决议, 决议公开, 实施结果公开)",
		Query: []string{"org_id", "before", "limit"}, Response: democracy.Matter{}, List: true},
	"POST /api/v1/matters":     {Status: 201, Summary: "Open a matter of a village; amount_fen for an expenditure", Request: matterCreateBody{}, Response: democracy.Matter{}},
	"GET /api/v1/matters/{id}": {Summary: "One matter with its step records and the rule values each was decided under", Response: democracy.Matter{}},
	"POST /api/v1/matters/{id}/steps": {Summary: "Record the matter's next step. 应到 comes from the rosters; outcome passed (default), rejected or adjourned must be borne out by the figures, else a rule_violation with the numbers. Steps 5 and 6 publish note to the portal",
		Request: stepBody{}, Response: democracy.Matter{}},
	"GET /api/v1/disclosure-late": {Summary: "五公开 categories each village in scope has not published within the schedule, longest late first",
		Response: democracy.Late{}, List: true},
}
