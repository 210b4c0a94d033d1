package members

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/members"
	"dangjian/internal/openapi"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// routes are the roster, the development pipeline, 三培养 and the
// roster's Excel template, import and export. Meetings, ratings and member
// self-service are in routes_meetings.go.
func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Page("GET", "/members", h.rosterList).Needs(auth.PermMemberRead),
		web.Page("GET", "/members/export.xlsx", h.rosterExport).Needs(auth.PermMemberRead),
		web.Page("GET", "/members/template.xlsx", h.rosterTemplate).Needs(auth.PermMemberWrite),
		web.Page("GET", "/members/import", h.rosterImportForm).Needs(auth.PermMemberWrite),
		web.Page("POST", "/members/import", h.rosterImportStart).Needs(auth.PermMemberWrite),
		web.Page("GET", "/member-imports/{id}", h.rosterImportShow).Needs(auth.PermMemberRead),
		web.Page("GET", "/members/board", h.pipelineBoard).Needs(auth.PermMemberRead),
		web.Page("GET", "/members/cultivation", h.memberCultivation).Needs(auth.PermMemberRead),
		web.Page("GET", "/members/report", h.memberReport).Needs(auth.PermMemberRead),
		web.Page("GET", "/members/report.xlsx", h.memberReportExport).Needs(auth.PermMemberRead),
		web.Page("GET", "/members/new", h.memberNew).Needs(auth.PermMemberWrite),
		web.Page("POST", "/members", h.memberCreate).Needs(auth.PermMemberWrite),
		web.Page("GET", "/members/{id}", h.memberShow).Needs(auth.PermMemberRead).Self(),
		web.Page("GET", "/members/{id}/edit", h.memberEdit).Needs(auth.PermMemberWrite),
		web.Page("POST", "/members/{id}", h.memberUpdate).Needs(auth.PermMemberWrite),
		web.Page("POST", "/members/{id}/transfer", h.memberTransfer).Needs(auth.PermMemberWrite),
		web.Page("POST", "/members/{id}/leave", h.memberLeave).Needs(auth.PermMemberWrite),
		web.Page("POST", "/members/{id}/mobile", h.memberMobile).Needs(auth.PermMemberWrite),
		web.Page("POST", "/members/{id}/steps", h.pipelineStep).Needs(auth.PermMemberWrite),
		web.Page("POST", "/members/{id}/tags", h.memberTagAdd).Needs(auth.PermMemberWrite),
		web.Page("POST", "/members/{id}/tags/{tag}/close", h.memberTagClose).Needs(auth.PermMemberWrite),

		web.API("GET", "/api/v1/members", h.apiMemberList).Needs(auth.PermMemberRead),
		web.API("POST", "/api/v1/members", h.apiMemberCreate).Needs(auth.PermMemberWrite),
		web.API("GET", "/api/v1/members/board", h.apiMemberBoard).Needs(auth.PermMemberRead),
		web.API("GET", "/api/v1/members/cultivation", h.apiMemberCultivation).Needs(auth.PermMemberRead),
		web.API("GET", "/api/v1/members/report", h.apiMemberReport).Needs(auth.PermMemberRead),
		web.API("GET", "/api/v1/members/report.xlsx", h.memberReportExport).Needs(auth.PermMemberRead),
		web.API("GET", "/api/v1/members/export.xlsx", h.rosterExport).Needs(auth.PermMemberRead),
		web.API("GET", "/api/v1/members/template.xlsx", h.rosterTemplate).Needs(auth.PermMemberWrite),
		web.API("POST", "/api/v1/member-imports", h.apiMemberImportStart).Needs(auth.PermMemberWrite),
		web.API("GET", "/api/v1/member-imports/{id}", h.apiMemberImportShow).Needs(auth.PermMemberRead),
		web.API("GET", "/api/v1/members/{id}", h.apiMemberShow).Needs(auth.PermMemberRead).Self(),
		web.API("POST", "/api/v1/members/{id}", h.apiMemberUpdate).Needs(auth.PermMemberWrite),
		web.API("POST", "/api/v1/members/{id}/transfer", h.apiMemberTransfer).Needs(auth.PermMemberWrite),
		web.API("POST", "/api/v1/members/{id}/leave", h.apiMemberLeave).Needs(auth.PermMemberWrite),
		web.API("POST", "/api/v1/members/{id}/mobile", h.apiMemberMobile).Needs(auth.PermMemberWrite),
		web.API("POST", "/api/v1/members/{id}/steps", h.apiMemberStep).Needs(auth.PermMemberWrite),
		web.API("POST", "/api/v1/members/{id}/tags", h.apiMemberTagAdd).Needs(auth.PermMemberWrite),
		web.API("POST", "/api/v1/members/{id}/tags/{tag}/close", h.apiMemberTagClose).Needs(auth.PermMemberWrite),
	}
}

const memberFilterDoc = "org_id (subtree; default: your whole scope), status (empty = 正式+预备; pipeline; all; applicant|activist|candidate|probationary|full|left), category, q (part of the name), mobile=1, after, limit"

var apiDocs = map[string]web.APIDoc{
	"GET /api/v1/members": {Summary: "Roster in the caller's scope, in id order; pass next as after for the next page. " + memberFilterDoc,
		Query: []string{"org_id", "status", "category", "q", "mobile", "after", "limit"}, Response: members.Member{}, List: true},
	"POST /api/v1/members":                       {Status: 201, Summary: "Enter a member (status full or probationary, with dates) or a new applicant (status applicant, applied_on); the id number is sealed, birth date and sex come from it", Request: memberCreateBody{}, Response: members.Member{}},
	"GET /api/v1/members/{id}":                   {Summary: "A member with pipeline detail, allowed next steps, what is due, history and 三培养 tags", Response: members.Detail{}},
	"POST /api/v1/members/{id}":                  {Summary: "Correct a member's details (dates change only through steps); an empty id_number keeps the stored one", Request: memberUpdateBody{}, Response: members.Member{}},
	"POST /api/v1/members/{id}/transfer":         {Summary: "Transfer to another branch in the caller's write scope (组织关系转接); out of the system use leave with transferred_out", Request: memberTransferBody{}, Response: members.Member{}},
	"POST /api/v1/members/{id}/leave":            {Summary: "Record leaving (expelled, died, transferred_out); the record is kept", Request: memberLeaveBody{}, Response: members.Member{}},
	"POST /api/v1/members/{id}/mobile":           {Summary: "Mark or unmark a 流动党员", Request: memberMobileBody{}, Response: members.Member{}},
	"POST /api/v1/members/{id}/steps":            {Summary: "Record a pipeline step (talk, activist, candidate, admit, approve, full, extend, reject). Refusals name the rule (pipeline.*) and the earliest date in params", Request: memberStepBody{}, Response: members.Member{}},
	"POST /api/v1/members/{id}/tags":             {Summary: "Start a 三培养 tag (member_to_rich, rich_to_member, rich_member_to_cadre)", Request: memberTagAddBody{}, Response: members.Tag{}},
	"POST /api/v1/members/{id}/tags/{tag}/close": {Summary: "Close a 三培养 tag as achieved or ended", Request: memberTagCloseBody{}, Response: members.Tag{}},
	"GET /api/v1/members/board": {Summary: "Development pipeline board of an organisation: counts per stage, per child organisation, and next steps due or overdue",
		Query: []string{"org_id"}, Response: members.Board{}},
	"GET /api/v1/members/cultivation": {Summary: "三培养 counts per village (open and achieved per direction)", Query: []string{"org_id"}, Response: cultivationJSON{}},
	"GET /api/v1/members/report": {Summary: "Development report (发展党员工作情况统计) of a year: per village and in total, people at each pipeline stage now, admissions as 预备党员 and 转正 in the year, and the members' structure; breakdowns by focus group (categories order, last is other), women and age band (age_bands order; at admission for admissions, at 31 December of the year for members: year less birth year). Over whole towns (a county, a province) by_town is true and each row is a town (village_id holds the town's id)",
		Query: []string{"org_id", "year"}, Response: members.DevReport{}},
	"GET /api/v1/members/report.xlsx": {Summary: "The development report as .xlsx", Query: []string{"org_id", "year"}, Response: openapi.XLSX},
	"GET /api/v1/members/export.xlsx": {Summary: "The filtered roster as .xlsx; full=1 shows full id numbers (needs people.reveal; every number shown is logged). " + memberFilterDoc,
		Query: []string{"org_id", "status", "category", "q", "mobile", "full"}, Response: openapi.XLSX},
	"GET /api/v1/members/template.xlsx": {Summary: "The roster import template", Response: openapi.XLSX},
	"POST /api/v1/member-imports": {Status: 202, Summary: "Import a roster: the request body is the .xlsx file. The whole file is checked first; nothing is imported unless every row is good. Poll the returned job",
		Query: []string{"org_id", "file_name"}, Request: openapi.XLSX, Response: importJobJSON{}},
	"GET /api/v1/member-imports/{id}": {Summary: "An import job: state (queued, validating, inserting, done, failed, error), progress and per-row errors (row, column, message)", Response: importJobJSON{}},
}

// memberOrgExtra adds the people of an organisation per status to its
// page, for organisations that have members under them.
func (h *handlers) memberOrgExtra(r *http.Request, o org.Org, data map[string]any) error {
	a := web.ActorOf(r)
	switch o.Type {
	case org.TypeTown, org.TypeGeneralBranch, org.TypeBranch, org.TypeIndustry:
	default:
		return nil
	}
	if !a.CanAt(auth.PermMemberRead, o.Path) {
		return nil
	}
	counts, err := h.Svc.Members.Counts(r.Context(), a, o.ID)
	if err != nil {
		return err
	}
	byName := map[string]int{} // templates index maps by plain strings
	for st, n := range counts {
		byName[string(st)] = n
	}
	data["MemberCounts"] = byName
	return nil
}
