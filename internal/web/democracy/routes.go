package democracy

import (
	"dangjian/internal/democracy"
	"dangjian/internal/web"
)

// routes are the matters, the representatives, 五公开 items, feedback,
// and the public portal under /portal/.
func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Page("GET", "/matters", h.matterList),
		web.Page("POST", "/matters", h.matterCreate),
		web.Page("GET", "/matters/{id}", h.matterShow),
		web.Page("POST", "/matters/{id}/steps", h.matterStep),
		web.Page("GET", "/representatives", h.repList),
		web.Page("POST", "/representatives", h.repAdd),
		web.Page("POST", "/representatives/{id}/end", h.repEnd),
		web.Page("GET", "/disclosures", h.itemList),
		web.Page("POST", "/disclosures", h.itemCreate),
		web.Page("GET", "/disclosures/{id}", h.itemShow),
		web.Page("POST", "/disclosures/{id}/review", h.itemReview),
		web.Page("POST", "/disclosures/{id}/revise", h.itemRevise),
		web.Page("POST", "/disclosures/{id}/archive", h.itemArchive),
		web.Page("GET", "/disclosure-overdue", h.itemOverdue),
		web.Page("GET", "/projects", h.projectList),
		web.Page("POST", "/projects", h.projectCreate),
		web.Page("GET", "/projects/{id}", h.projectShow),
		web.Page("POST", "/projects/{id}/vote", h.projectVote),
		web.Page("POST", "/projects/{id}/collections", h.projectCollect),
		web.Page("GET", "/democracy-rules", h.ruleList),
		web.Page("POST", "/democracy-rules", h.ruleSet),
		web.Page("GET", "/feedback", h.feedbackList),
		web.Page("POST", "/feedback/{id}/moderate", h.feedbackModerate),
		web.Page("POST", "/feedback/{id}/reply", h.feedbackReply),

		web.Open("GET", "/portal/", h.portalIndex),
		web.Open("GET", "/portal/verify", h.portalVerify),
		web.Open("GET", "/portal/v/{id}", h.portalVillage),
		web.Open("GET", "/portal/v/{id}/items/{item}", h.portalItem),
		web.Open("GET", "/portal/v/{id}/notice/{item}", h.portalNotice),
		web.Open("GET", "/portal/v/{id}/data.json", h.portalDataJSON),
		web.Open("GET", "/portal/v/{id}/data.csv", h.portalDataCSV),
		web.Open("GET", "/portal/v/{id}/feedback", h.portalFeedbackForm),
		web.Open("POST", "/portal/v/{id}/feedback", h.portalFeedbackSend),

		web.API("GET", "/api/v1/matters", h.apiMatterList),
		web.API("POST", "/api/v1/matters", h.apiMatterCreate),
		web.API("GET", "/api/v1/matters/{id}", h.apiMatterShow),
		web.API("POST", "/api/v1/matters/{id}/steps", h.apiMatterStep),
		web.API("GET", "/api/v1/disclosure-late", h.apiDisclosureLate),
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
