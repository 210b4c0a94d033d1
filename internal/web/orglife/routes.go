package orglife

import (
	"dangjian/internal/auth"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// routes are 三会一课 and other meetings, compliance and overdue
// lists, 设岗定责, 评星授旗, 民主评议, 谏言献策, the care fund and the
// member's own page.
func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Page("GET", "/meetings", h.meetingList).Needs(auth.PermMemberRead),
		web.Page("GET", "/meetings/new", h.meetingNew).Needs(auth.PermMemberWrite),
		web.Page("POST", "/meetings", h.meetingCreate).Needs(auth.PermMemberWrite),
		web.Page("GET", "/meetings/{id}", h.meetingShow).Needs(auth.PermMemberRead),
		web.Page("GET", "/overdue", h.complianceOverdue).Needs(auth.PermMemberRead),
		web.Page("GET", "/compliance", h.complianceList).Needs(auth.PermMemberRead),
		web.Page("GET", "/compliance/{id}", h.complianceShow).Needs(auth.PermMemberRead),
		web.Page("GET", "/duties", h.dutyList).Needs(auth.PermMemberRead),
		web.Page("POST", "/duties", h.dutyCreate).Needs(auth.PermMemberWrite),
		web.Page("POST", "/duties/{id}/delete", h.dutyDelete).Needs(auth.PermMemberWrite),
		web.Page("GET", "/stars", h.starList).Needs(auth.PermMemberRead),
		web.Page("POST", "/stars", h.starRate).Needs(auth.PermMemberWrite),
		web.Page("GET", "/evaluations", h.evaluationShow).Needs(auth.PermMemberRead),
		web.Page("POST", "/evaluations", h.evaluationRecord).Needs(auth.PermMemberWrite),
		web.Page("GET", "/suggestions", h.suggestionList).Needs(auth.PermMemberRead),
		web.Page("POST", "/suggestions", h.suggestionCreate).Needs(auth.PermMemberWrite),
		web.Page("GET", "/suggestions/{id}", h.suggestionShow).Needs(auth.PermMemberRead),
		web.Page("POST", "/suggestions/{id}/reply", h.suggestionReply).Needs(auth.PermMemberWrite),
		web.Page("GET", "/fund", h.fundShow).Needs(auth.PermMemberRead),
		web.Page("POST", "/fund/income", h.fundIncome).Needs(auth.PermMemberManage),
		web.Page("POST", "/fund/grants", h.fundPropose).Needs(auth.PermMemberWrite),
		web.Page("POST", "/fund/grants/{id}/decide", h.fundDecide).Needs(auth.PermMemberManage),
		web.Page("GET", "/me", h.meShow).Self(),
		web.Page("POST", "/me/suggestions", h.meSuggest).Self(),

		web.API("GET", "/api/v1/meetings", h.apiMeetingList).Needs(auth.PermMemberRead),
		web.API("POST", "/api/v1/meetings", h.apiMeetingCreate).Needs(auth.PermMemberWrite),
		web.API("GET", "/api/v1/meetings/{id}", h.apiMeetingShow).Needs(auth.PermMemberRead),
		web.API("GET", "/api/v1/meeting-roster", h.apiMeetingRoster).Needs(auth.PermMemberWrite),
		web.API("GET", "/api/v1/overdue", h.apiOverdue).Needs(auth.PermMemberRead),
		web.API("GET", "/api/v1/compliance", h.apiCompliance).Needs(auth.PermMemberRead),
		web.API("GET", "/api/v1/duties", h.apiDutyList).Needs(auth.PermMemberRead),
		web.API("POST", "/api/v1/duties", h.apiDutyCreate).Needs(auth.PermMemberWrite),
		web.API("DELETE", "/api/v1/duties/{id}", h.apiDutyDelete).Needs(auth.PermMemberWrite),
		web.API("GET", "/api/v1/stars", h.apiStarList).Needs(auth.PermMemberRead),
		web.API("POST", "/api/v1/stars", h.apiStarRate).Needs(auth.PermMemberWrite),
		web.API("GET", "/api/v1/evaluations", h.apiEvaluationShow).Needs(auth.PermMemberRead),
		web.API("POST", "/api/v1/evaluations", h.apiEvaluationRecord).Needs(auth.PermMemberWrite),
		web.API("GET", "/api/v1/suggestions", h.apiSuggestionList).Needs(auth.PermMemberRead),
		web.API("POST", "/api/v1/suggestions", h.apiSuggestionCreate).Needs(auth.PermMemberWrite),
		web.API("GET", "/api/v1/suggestions/{id}", h.apiSuggestionShow).Needs(auth.PermMemberRead),
		web.API("POST", "/api/v1/suggestions/{id}/reply", h.apiSuggestionReply).Needs(auth.PermMemberWrite),
		web.API("GET", "/api/v1/fund", h.apiFundShow).Needs(auth.PermMemberRead),
		web.API("POST", "/api/v1/fund/income", h.apiFundIncome).Needs(auth.PermMemberManage),
		web.API("POST", "/api/v1/fund/grants", h.apiFundPropose).Needs(auth.PermMemberWrite),
		web.API("POST", "/api/v1/fund/grants/{id}/approve", h.apiFundApprove).Needs(auth.PermMemberManage),
		web.API("POST", "/api/v1/fund/grants/{id}/reject", h.apiFundReject).Needs(auth.PermMemberManage),
		web.API("GET", "/api/v1/me/record", h.apiMeRecord).Self(),
		web.API("POST", "/api/v1/me/suggestions", h.apiMeSuggest).Self(),
	}
}

var apiDocs = map[string]web.APIDoc{
	"GET /api/v1/meetings": {Summary: "Meetings in the caller's scope, newest first (kind: branch_assembly, committee, group, lecture, theme_day, life_meeting; senior=1: 党课 by 副科级以上 leaders)",
		Query: []string{"org_id", "kind", "senior", "before", "limit"}, Response: orglife.Meeting{}, List: true},
	"POST /api/v1/meetings":      {Status: 201, Summary: "Record a meeting of a branch with its attendance; 应到/实到 are derived from it. A meeting below quorum is recorded with counts=false. expected and present only when the branch has nobody on its roster; speaker for a 党课", Request: meetingCreateBody{}, Response: meetingCreatedJSON{}},
	"GET /api/v1/meetings/{id}":  {Summary: "One meeting with its attendance", Response: orglife.Meeting{}},
	"GET /api/v1/meeting-roster": {Summary: "The members of a branch on a day, as the attendance list expects them", Query: []string{"org_id", "held_on"}, Response: meetingRosterJSON{}},
	"GET /api/v1/overdue": {Summary: "Meetings each branch in scope has not held in the current period, with since when; in branch order",
		Query: []string{"org_id", "after", "limit"}, Response: orglife.OverdueItem{}, List: true},
	"GET /api/v1/compliance": {Summary: "Each branch's compliance with the meeting cadences over a year, by month, quarter and year",
		Query: []string{"year", "org_id", "after", "limit"}, Response: orglife.BranchCompliance{}, List: true},
	"GET /api/v1/duties":         {Summary: "设岗定责: a branch's member posts of a year", Query: []string{"org_id", "year"}, Response: dutyListJSON{}},
	"POST /api/v1/duties":        {Status: 201, Summary: "Give a member a post for a year", Request: dutyCreateBody{}, Response: orglife.Duty{}},
	"DELETE /api/v1/duties/{id}": {Summary: "Remove a member's post", Status: 204},
	"GET /api/v1/stars":          {Summary: "评星授旗: a branch's star ratings of a year", Query: []string{"org_id", "year"}, Response: starListJSON{}},
	"POST /api/v1/stars":         {Summary: "Rate a member for a year: one star per 五带头 met (study, achieve, serve, law, virtue)", Request: starRateBody{}, Response: orglife.StarRating{}},
	"GET /api/v1/evaluations":    {Summary: "民主评议: a branch's results of a year and the members still to evaluate", Query: []string{"org_id", "year"}, Response: orglife.EvaluationSheet{}},
	"POST /api/v1/evaluations":   {Status: 201, Summary: "Record a branch's 民主评议 (grades excellent, qualified, basic, unqualified; empty for 预备党员)", Request: evaluationRecordBody{}, Response: evaluationsJSON{}},
	"GET /api/v1/suggestions": {Summary: "谏言献策 in scope: open ones oldest first, or answered ones (answered=1) latest reply first",
		Query: []string{"org_id", "answered", "after", "limit"}, Response: orglife.Suggestion{}, List: true},
	"POST /api/v1/suggestions":            {Status: 201, Summary: "Record a member's suggestion on their behalf", Request: suggestionCreateBody{}, Response: orglife.Suggestion{}},
	"GET /api/v1/suggestions/{id}":        {Summary: "One suggestion with its reply and time to reply", Response: orglife.Suggestion{}},
	"POST /api/v1/suggestions/{id}/reply": {Summary: "The branch's reply (once)", Request: suggestionReplyBody{}, Response: orglife.Suggestion{}},
	"GET /api/v1/fund": {Summary: "A town's care fund: balance and ledger (town readers), grants in scope",
		Query: []string{"town_id", "status", "entries_before", "grants_before", "limit"}, Response: orglife.FundView{}},
	"POST /api/v1/fund/income":              {Status: 201, Summary: "Book money received into the town's fund (amounts in 分)", Request: fundIncomeBody{}, Response: orglife.FundEntry{}},
	"POST /api/v1/fund/grants":              {Status: 201, Summary: "Propose a grant to a member (amounts in 分)", Request: fundProposeBody{}, Response: orglife.FundGrant{}},
	"POST /api/v1/fund/grants/{id}/approve": {Summary: "Approve and pay a grant (not one's own; the balance may not go negative)", Request: fundDecideBody{}, RequestOptional: true, Response: orglife.FundGrant{}},
	"POST /api/v1/fund/grants/{id}/reject":  {Summary: "Reject a grant", Request: fundDecideBody{}, RequestOptional: true, Response: orglife.FundGrant{}},
	"GET /api/v1/me/record":                 {Summary: "The caller's own member record, meetings, stars, grades, posts and suggestions", Query: []string{"before"}, Response: orglife.SelfRecord{}},
	"POST /api/v1/me/suggestions":           {Status: 201, Summary: "Submit a suggestion to one's own branch", Request: meSuggestBody{}, Response: orglife.Suggestion{}},
}
