package org

import (
	"dangjian/internal/auth"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// routes are the organisation tree, posts and their holders, 软弱涣散
// rectification, 两委, the centres' leadership and the 书记队伍.
func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Page("GET", "/orgs", h.orgList).Needs(auth.PermOrgRead),
		web.Page("GET", "/orgs/{id}", h.orgShow).Needs(auth.PermOrgRead),
		web.Page("POST", "/orgs/{id}/children", h.orgCreate).Needs(auth.PermOrgManage),
		web.Page("GET", "/orgs/{id}/edit", h.orgEditShow).Needs(auth.PermOrgManage),
		web.Page("POST", "/orgs/{id}/edit", h.orgEditSubmit).Needs(auth.PermOrgManage),
		web.Page("POST", "/orgs/{id}/weak", h.weakFlag).Needs(auth.PermOrgManage),
		web.Page("GET", "/posts/{id}", h.postShow).Needs(auth.PermOrgRead),
		web.Page("POST", "/posts/{id}/assign", h.postAssign).Needs(auth.PermOrgPosts),
		web.Page("POST", "/posts/{id}/vacate", h.postVacate).Needs(auth.PermOrgPosts),
		web.Page("GET", "/weak", h.weakList).Needs(auth.PermOrgRead),
		web.Page("GET", "/weak/{id}", h.weakShow).Needs(auth.PermOrgRead),
		web.Page("POST", "/weak/{id}/plan", h.weakPlan).Needs(auth.PermOrgManage),
		web.Page("POST", "/weak/{id}/close", h.weakClose).Needs(auth.PermOrgManage),
		web.Page("GET", "/committees", h.committeeList).Needs(auth.PermOrgRead),
		web.Page("GET", "/secretaries", h.secretaryList).Needs(auth.PermOrgRead),

		web.API("GET", "/api/v1/orgs", h.apiOrgList).Needs(auth.PermOrgRead),
		web.API("POST", "/api/v1/orgs", h.apiOrgCreate).Needs(auth.PermOrgManage),
		web.API("GET", "/api/v1/orgs/{id}", h.apiOrgShow).Needs(auth.PermOrgRead),
		web.API("PUT", "/api/v1/orgs/{id}", h.apiOrgUpdate).Needs(auth.PermOrgManage),
		web.API("GET", "/api/v1/orgs/{id}/posts", h.apiOrgPosts).Needs(auth.PermOrgRead),
		web.API("GET", "/api/v1/towns/{id}/overview", h.apiOrgOverview).Needs(auth.PermOrgRead),
		web.API("GET", "/api/v1/orgs/{id}/committee", h.apiOrgCommittee).Needs(auth.PermOrgRead),
		web.API("GET", "/api/v1/orgs/{id}/centres", h.apiOrgCentres).Needs(auth.PermOrgRead),
		web.API("GET", "/api/v1/orgs/{id}/weak", h.apiOrgWeak).Needs(auth.PermOrgRead),
		web.API("POST", "/api/v1/orgs/{id}/weak", h.apiWeakCreate).Needs(auth.PermOrgManage),
		web.API("GET", "/api/v1/posts/{id}", h.apiPostShow).Needs(auth.PermOrgRead),
		web.API("POST", "/api/v1/posts/{id}/assign", h.apiPostAssign).Needs(auth.PermOrgPosts),
		web.API("POST", "/api/v1/posts/{id}/vacate", h.apiPostVacate).Needs(auth.PermOrgPosts),
		web.API("GET", "/api/v1/weak", h.apiWeakList).Needs(auth.PermOrgRead),
		web.API("GET", "/api/v1/weak/{id}", h.apiWeakShow).Needs(auth.PermOrgRead),
		web.API("POST", "/api/v1/weak/{id}/plan", h.apiWeakPlan).Needs(auth.PermOrgManage),
		web.API("POST", "/api/v1/weak/{id}/close", h.apiWeakClose).Needs(auth.PermOrgManage),
		web.API("GET", "/api/v1/committees", h.apiCommitteeList).Needs(auth.PermOrgRead),
		web.API("GET", "/api/v1/secretaries", h.apiSecretaryList).Needs(auth.PermOrgRead),
	}
}

var apiDocs = map[string]web.APIDoc{
	"GET /api/v1/orgs": {Summary: "Organisations in the caller's scope (type: county, town, general_branch, branch, industry, activity_home)",
		Query: []string{"type", "parent_id", "town_id", "q", "after", "limit"}, Response: org.Org{}, List: true},
	"POST /api/v1/orgs":               {Status: 201, Summary: "Create an organisation under a parent; founded_on, when known, is a day YYYY-MM-DD", Request: orgCreateBody{}, Response: org.Org{}},
	"GET /api/v1/orgs/{id}":           {Summary: "One organisation", Response: org.Org{}},
	"PUT /api/v1/orgs/{id}":           {Summary: "Edit an organisation's name, short name and order (audited)", Request: orgUpdateBody{}, Response: org.Org{}},
	"GET /api/v1/orgs/{id}/posts":     {Summary: "An organisation's posts with their current holders", Response: orgPostsJSON{}},
	"GET /api/v1/towns/{id}/overview": {Summary: "A town's villages with group branches, vacant posts and open/overdue 软弱涣散 flags (rule org.town_only for other types)", Response: townOverviewJSON{}},
	"GET /api/v1/orgs/{id}/committee": {Summary: "A village's 两委 derived from current holders: party and village posts, vacancies, people in both (rule org.village_only for other types)", Response: org.Committee{}},
	"GET /api/v1/orgs/{id}/centres":   {Summary: "A village's five centres with director and deputies derived from current holders (rule org.village_only for other types)", Response: orgCentresJSON{}},
	"GET /api/v1/orgs/{id}/weak":      {Summary: "An organisation's 软弱涣散 flags, newest first", Response: orgWeakJSON{}},
	"POST /api/v1/orgs/{id}/weak":     {Status: 201, Summary: "Flag an organisation 软弱涣散 (org.manage; rules weak.deadline_after_flag, weak.one_open, weak.not_future, weak.org_type)", Request: weakCreateBody{}, Response: org.WeakFlag{}},
	"GET /api/v1/posts/{id}":          {Summary: "A post with its full holder history", Response: postHistoryJSON{}},
	"POST /api/v1/posts/{id}/assign":  {Summary: "Give a post to a new holder; the previous term ends that day (rules post.term_order, post.not_future)", Request: postAssignBody{}, Response: org.Term{}},
	"POST /api/v1/posts/{id}/vacate":  {Summary: "End the current holder's term without a successor (rules post.already_vacant, post.term_order, post.not_future)", Request: postVacateBody{}, Status: 204},
	"GET /api/v1/weak": {Summary: "软弱涣散 flags in the caller's scope: open ones by deadline (overdue first, with days_overdue), or closed ones latest first",
		Query: []string{"status", "town_id", "after", "limit"}, Response: org.WeakFlag{}, List: true},
	"GET /api/v1/weak/{id}":        {Summary: "One 软弱涣散 flag with its plan and whether it is overdue", Response: org.WeakFlag{}},
	"POST /api/v1/weak/{id}/plan":  {Summary: "Revise an open flag's plan and deadline (rules weak.deadline_after_flag, weak.closed)", Request: weakPlanBody{}, Response: org.WeakFlag{}},
	"POST /api/v1/weak/{id}/close": {Summary: "Close a rectification (rules weak.close_after_flag, weak.not_future, weak.closed)", Request: weakCloseBody{}, Response: org.WeakFlag{}},
	"GET /api/v1/committees": {Summary: "The 两委 of every village in the caller's scope, a page at a time",
		Query: []string{"town_id", "after", "limit"}, Response: org.Committee{}, List: true},
	"GET /api/v1/secretaries": {Summary: "书记队伍: secretaries of general branches, branches and industry organisations with start dates and open 软弱涣散 flags",
		Query: []string{"type", "town_id", "weak", "vacant", "after", "limit"}, Response: org.Secretary{}, List: true},
}
