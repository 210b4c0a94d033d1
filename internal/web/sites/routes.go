package sites

import (
	"dangjian/internal/auth"
	"dangjian/internal/openapi"
	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// routes are the site list and page with their forms, new plans and
// sites, the reconciliation with its workbook, and the town's progress.
func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Page("GET", "/sites", h.siteList).Needs(auth.PermOrgRead),
		web.Page("POST", "/site-rates", h.rateSet).Needs(auth.PermSitesManage),
		web.Page("GET", "/sites/new", h.siteNew).Needs(auth.PermSitesWrite),
		web.Page("POST", "/sites", h.siteCreate).Needs(auth.PermSitesWrite),
		web.Page("POST", "/site-plans", h.planCreate).Needs(auth.PermSitesManage),
		web.Page("GET", "/sites/{id}", h.siteShow).Needs(auth.PermOrgRead),
		web.Page("POST", "/sites/{id}/override", h.overrideSet).Needs(auth.PermSitesManage),
		web.Page("POST", "/sites/{id}/budget", h.budgetSet).Needs(auth.PermSitesWrite),
		web.Page("POST", "/sites/{id}/disbursements", h.disbursementCreate).Needs(auth.PermSitesManage),
		web.Page("POST", "/sites/{id}/milestones", h.milestoneCreate).Needs(auth.PermSitesWrite),
		web.Page("POST", "/sites/{id}/accept", h.siteAccept).Needs(auth.PermSitesManage),
		web.Page("GET", "/site-photos/{id}", web.FileRoute(h.Svc.Sites.MilestonePhoto)).Needs(auth.PermOrgRead),
		web.Page("GET", "/site-reconciliation", h.reconciliationShow).Needs(auth.PermOrgRead),
		web.Page("GET", "/site-reconciliation.xlsx", h.reconciliationExport).Needs(auth.PermOrgRead),
		web.Page("GET", "/site-progress", h.progressShow).Needs(auth.PermOrgRead),

		web.API("GET", "/api/v1/sites", h.apiSiteList).Needs(auth.PermOrgRead),
		web.API("POST", "/api/v1/sites", h.apiSiteCreate).Needs(auth.PermSitesWrite),
		web.API("GET", "/api/v1/sites/{id}", h.apiSiteShow).Needs(auth.PermOrgRead),
		web.API("POST", "/api/v1/sites/{id}/override", h.apiOverrideSet).Needs(auth.PermSitesManage),
		web.API("POST", "/api/v1/sites/{id}/budget", h.apiBudgetSet).Needs(auth.PermSitesWrite),
		web.API("GET", "/api/v1/site-plans", h.apiPlanList).Needs(auth.PermOrgRead),
		web.API("POST", "/api/v1/site-plans", h.apiPlanCreate).Needs(auth.PermSitesManage),
		web.API("POST", "/api/v1/sites/{id}/disbursements", h.apiDisbursementCreate).Needs(auth.PermSitesManage),
		web.API("POST", "/api/v1/sites/{id}/milestones", h.apiMilestoneCreate).Needs(auth.PermSitesWrite),
		web.API("GET", "/api/v1/site-reconciliation", h.apiReconciliationShow).Needs(auth.PermOrgRead),
		web.API("GET", "/api/v1/site-reconciliation.xlsx", h.reconciliationExport).Needs(auth.PermOrgRead),
		web.API("GET", "/api/v1/site-progress", h.apiProgressShow).Needs(auth.PermOrgRead),
	}
}

var apiDocs = map[string]web.APIDoc{
	"GET /api/v1/sites": {Summary: "Site projects (阵地建设) of a plan, a village or a town (the caller's first town by default), by id",
		Query: []string{"plan_id", "village_id", "town_id", "after", "limit"}, Response: sites.Site{}, List: true},
	"POST /api/v1/sites": {Status: 201, Summary: "Register a site project of a village general branch or group branch (level from the organisation; sites.write over it); plan_id and override_fen with its reason are the town's (sites.manage)",
		Request: siteBody{}, Response: sites.Site{}},
	"POST /api/v1/sites/{id}/override": {Summary: "Set a site's own county subsidy in place of the schedule's line, with its reason (大坪: 50万元); without override_fen the site follows the schedule again (sites.manage)",
		Request: overrideBody{}, Response: sites.Site{}},
	"POST /api/v1/sites/{id}/budget": {Summary: "Replace a site's budget by funding source (county, town, village, self, other); a source left out or at 0 is dropped. Answers the site",
		Request: budgetBody{}, Response: sites.SiteView{}},
	"GET /api/v1/site-plans": {Summary: "A town's construction plans with the total investment each declares, newest first (the caller's first town by default)",
		Query: []string{"town_id"}, Response: sites.Plan{}, List: true},
	"POST /api/v1/site-plans": {Status: 201, Summary: "Register a town's construction plan with its year and the total investment it declares, in 分 (sites.manage over the town)",
		Request: planBody{}, Response: sites.Plan{}},
	"GET /api/v1/sites/{id}": {Summary: "One site with the subsidy due (schedule or override), its budget by source, disbursements and milestones",
		Response: sites.SiteView{}},
	"POST /api/v1/sites/{id}/disbursements": {Status: 201, Summary: "Record money paid to a site (sites.manage); county money never exceeds the subsidy due (site.county_over_due)",
		Request: disbursementBody{}, Response: sites.Disbursement{}},
	"POST /api/v1/sites/{id}/milestones": {Status: 201, Summary: "Record a dated milestone; stage started or completed sets the site's dates",
		Request: milestoneBody{}, Response: sites.Milestone{}},
	"GET /api/v1/site-reconciliation": {Summary: "The county subsidy reconciliation of a plan (the town's latest by default): line by line, the schedule's sum against the declared total and against what was budgeted and paid",
		Query: []string{"plan_id", "town_id"}, Response: sites.Reconciliation{}},
	"GET /api/v1/site-reconciliation.xlsx": {Summary: "The reconciliation as .xlsx", Query: []string{"plan_id", "town_id"}, Response: openapi.XLSX},
	"GET /api/v1/site-progress": {Summary: "Every village's general-branch site and group sites by status, with the town's totals",
		Query: []string{"town_id"}, Response: sites.TownProgress{}},
}
