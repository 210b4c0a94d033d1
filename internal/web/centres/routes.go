package centres

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/centres"
	"dangjian/internal/openapi"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// routes are the centre pages, the mediation centre's cases, 民情信息,
// rota and notes, the registers and their visits, 民事代办 for staff, and
// the public portal for filing and tracking 代办 by code.
func (h *handlers) routes() []web.Route {
	rs := []web.Route{web.Page("GET", "/centres", h.centreTown).Needs(auth.PermOrgRead)}
	// One page per kind of centre (/centres/{id}/mediation …) and one pair
	// of register routes per register, the kind set as a path value.
	// API operations are named after their handlers, so each kind has its own.
	apiCentre := map[string]func(http.ResponseWriter, *http.Request) error{"education": h.apiCentreEducation,
		"technology": h.apiCentreTechnology, "mediation": h.apiCentreMediation, "culture": h.apiCentreCulture,
		"service": h.apiCentreService}
	for _, k := range org.CentreKinds {
		rs = append(rs, web.Page("GET", "/centres/{id}/"+k.Code, with("code", k.Code, h.centreShow)).Needs(auth.PermOrgRead),
			web.API("GET", "/api/v1/centres/{id}/"+k.Code, apiCentre[k.Code]).Needs(auth.PermOrgRead))
	}
	for _, reg := range centres.Registers {
		rs = append(rs,
			web.Page("GET", "/registers/"+reg, with("register", reg, h.registerList)).Needs(auth.PermCentresSensitive),
			web.Page("POST", "/registers/"+reg, with("register", reg, h.registerCreate)).Needs(auth.PermCentresSensitive),
			web.Page("GET", "/registers/"+reg+"/export", with("register", reg, h.registerExport)).Needs(auth.PermCentresSensitive))
	}
	rs = append(rs,
		web.API("GET", "/api/v1/registers/key", h.apiKeyList).Needs(auth.PermCentresSensitive),
		web.API("POST", "/api/v1/registers/key", h.apiKeyCreate).Needs(auth.PermCentresSensitive),
		web.API("GET", "/api/v1/registers/key/due", h.apiKeyDue).Needs(auth.PermCentresSensitive),
		web.API("GET", "/api/v1/registers/key/export", h.apiKeyExport).Needs(auth.PermCentresSensitive),
		web.API("GET", "/api/v1/registers/vulnerable", h.apiVulnerableList).Needs(auth.PermCentresSensitive),
		web.API("POST", "/api/v1/registers/vulnerable", h.apiVulnerableCreate).Needs(auth.PermCentresSensitive),
		web.API("GET", "/api/v1/registers/vulnerable/due", h.apiVulnerableDue).Needs(auth.PermCentresSensitive),
		web.API("GET", "/api/v1/registers/vulnerable/export", h.apiVulnerableExport).Needs(auth.PermCentresSensitive))
	return append(rs,
		web.Page("GET", "/cases", h.caseList).Needs(auth.PermCentresRead),
		web.Page("POST", "/cases", h.caseCreate).Needs(auth.PermCentresWrite),
		web.Page("GET", "/cases/{id}", h.caseShow).Needs(auth.PermCentresRead),
		web.Page("POST", "/cases/{id}/sessions", h.caseSession).Needs(auth.PermCentresWrite),
		web.Page("POST", "/cases/{id}/close", h.caseClose).Needs(auth.PermCentresWrite),
		web.Page("POST", "/cases/{id}/followup", h.caseFollowUp).Needs(auth.PermCentresWrite),
		web.Page("GET", "/minqing", h.infoList).Needs(auth.PermCentresRead),
		web.Page("POST", "/minqing", h.infoCreate).Needs(auth.PermCentresWrite),
		web.Page("POST", "/rota", h.rotaCreate).Needs(auth.PermCentresWrite),
		web.Page("POST", "/enterprise-notes", h.noteCreate).Needs(auth.PermCentresWrite),
		web.Page("GET", "/register-entries/{id}", h.entryShow).Needs(auth.PermCentresSensitive),
		web.Page("POST", "/register-entries/{id}/visits", h.entryVisit).Needs(auth.PermCentresSensitive),
		web.Page("POST", "/culture/activities", h.activityCreate).Needs(auth.PermCentresWrite),
		web.Page("POST", "/culture/people", h.culturePersonCreate).Needs(auth.PermCentresWrite),
		web.Page("POST", "/culture/rules", h.rulesCreate).Needs(auth.PermCentresWrite),
		web.Page("POST", "/library/books", h.bookCreate).Needs(auth.PermCentresWrite),
		web.Page("POST", "/library/loans", h.loanCreate).Needs(auth.PermCentresWrite),
		web.Page("POST", "/library/loans/{id}/return", h.loanReturn).Needs(auth.PermCentresWrite),
		web.Page("POST", "/library/loans/{id}/renew", h.loanRenew).Needs(auth.PermCentresWrite),
		web.Page("GET", "/requests", h.requestList).Needs(auth.PermCentresRead),
		web.Page("POST", "/requests", h.requestCreate).Needs(auth.PermCentresWrite),
		web.Page("GET", "/requests/{id}", h.requestShow).Needs(auth.PermCentresRead),
		web.Page("POST", "/requests/{id}/advance", h.requestAdvance).Needs(auth.PermCentresWrite),

		web.Open("GET", "/portal/service", h.portalForm),
		web.Open("POST", "/portal/service", h.portalFile),
		web.Open("POST", "/portal/service/track", h.portalTrack),

		web.API("GET", "/api/v1/centres", h.apiCentreTown).Needs(auth.PermOrgRead),
		web.API("GET", "/api/v1/cases", h.apiCaseList).Needs(auth.PermCentresRead),
		web.API("POST", "/api/v1/cases", h.apiCaseCreate).Needs(auth.PermCentresWrite),
		web.API("GET", "/api/v1/cases/{id}", h.apiCaseShow).Needs(auth.PermCentresRead),
		web.API("POST", "/api/v1/cases/{id}/sessions", h.apiCaseSession).Needs(auth.PermCentresWrite),
		web.API("POST", "/api/v1/cases/{id}/close", h.apiCaseClose).Needs(auth.PermCentresWrite),
		web.API("GET", "/api/v1/minqing", h.apiInfoList).Needs(auth.PermCentresRead),
		web.API("GET", "/api/v1/minqing/analysis", h.apiInfoAnalysis).Needs(auth.PermCentresRead),
		web.API("GET", "/api/v1/register-entries/{id}", h.apiEntryShow).Needs(auth.PermCentresSensitive),
		web.API("POST", "/api/v1/register-entries/{id}/visits", h.apiEntryVisit).Needs(auth.PermCentresSensitive),
		web.API("GET", "/api/v1/library/loans", h.apiLoanList).Needs(auth.PermCentresRead),
		web.API("GET", "/api/v1/requests", h.apiRequestList).Needs(auth.PermCentresRead),
		web.API("GET", "/api/v1/requests/{id}", h.apiRequestShow).Needs(auth.PermCentresRead),
		web.API("POST", "/api/v1/requests/{id}/advance", h.apiRequestAdvance).Needs(auth.PermCentresWrite),
	)
}

// with sets a path value the route's pattern spells out literally, so one
// handler serves every kind of centre or register.
func with(name, value string, next func(http.ResponseWriter, *http.Request) error) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		r.SetPathValue(name, value)
		return next(w, r)
	}
}

// apiDocs are built with the routes: one entry per centre and register.
var apiDocs = func() map[string]web.APIDoc {
	docs := map[string]web.APIDoc{
		"GET /api/v1/centres": {Summary: "Every village's five centres in scope with leaders derived from post holders and open/overdue work",
			Query: []string{"town_id"}, Response: centres.VillageRow{}, List: true},
		"GET /api/v1/cases": {Summary: "Mediation cases in scope by deadline, the overdue first (closed=1: closed ones)",
			Query: []string{"org_id", "closed", "after", "limit"}, Response: centres.Case{}, List: true},
		"POST /api/v1/cases": {Status: 201, Summary: "Open a mediation case (source letter_visit, talk, reception_day) with its parties",
			Request: caseCreateBody{}, Response: centres.Case{}},
		"GET /api/v1/cases/{id}":           {Summary: "One case with parties and sessions", Response: centres.Case{}},
		"POST /api/v1/cases/{id}/sessions": {Status: 201, Summary: "Record a mediation session", Request: caseSessionBody{}, Response: centres.Case{}},
		"POST /api/v1/cases/{id}/close":    {Summary: "Close a case (outcome agreed, not_agreed, referred, withdrawn)", Request: caseCloseBody{}, Response: centres.Case{}},
		"GET /api/v1/minqing": {Summary: "民情信息 of a year in scope, newest first",
			Query: []string{"org_id", "year", "before", "limit"}, Response: centres.Info{}, List: true},
		"GET /api/v1/minqing/analysis": {Summary: "民情信息 of a year counted by category, village and month",
			Query: []string{"org_id", "year"}, Response: centres.InfoAnalysis{}},
		"GET /api/v1/register-entries/{id}":         {Summary: "One person on a register with visits (logged)", Response: centres.Entry{}},
		"POST /api/v1/register-entries/{id}/visits": {Status: 201, Summary: "Record a visit and the help given (help_fen in 分); plans the next", Request: visitBody{}, Response: centres.Entry{}},
		"GET /api/v1/requests": {Summary: "民事代办 requests in scope by deadline, the overdue first (closed=1: closed ones)",
			Query: []string{"org_id", "closed", "after", "limit"}, Response: centres.Request{}, List: true},
		"GET /api/v1/library/loans": {Summary: "农家书屋 loans still out in scope by due day, the overdue first",
			Query: []string{"org_id", "limit"}, Response: centres.Loan{}, List: true},
		"GET /api/v1/requests/{id}":          {Summary: "One request with its notes", Response: centres.Request{}},
		"POST /api/v1/requests/{id}/advance": {Summary: "Move a request on (to accepted, handled or closed) with a note the villager reads by code", Request: advanceBody{}, Response: centres.Request{}},
	}
	for _, k := range org.CentreKinds {
		docs["GET /api/v1/centres/{id}/"+k.Code] = web.APIDoc{Summary: "One village's centre (education, technology, mediation, culture, service): seats, post history, open work",
			Response: centres.CentrePage{}}
	}
	for _, reg := range centres.Registers {
		p := "/api/v1/registers/" + reg
		docs["GET "+p] = web.APIDoc{Summary: "The key or vulnerable group register (centre staff and town only; every entry read is logged)",
			Query: []string{"org_id", "after", "limit"}, Response: centres.Entry{}, List: true}
		docs["POST "+p] = web.APIDoc{Status: 201, Summary: "Put a resident of the village on a register with a visit interval",
			Request: registerCreateBody{}, Response: centres.Entry{}}
		docs["GET "+p+"/due"] = web.APIDoc{Summary: "People whose next visit is due within a week or overdue, the most overdue first (logged)",
			Query: []string{"org_id", "limit"}, Response: centres.Entry{}, List: true}
		docs["GET "+p+"/export"] = web.APIDoc{Summary: "The register as a workbook headed by who exported it and when (logged)",
			Query: []string{"org_id"}, Response: openapi.XLSX}
	}
	return docs
}()
