package members

import (
	"net/http"
	"net/url"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// reportFilter reads the development report's area and year, shared by
// the page, the export and the API.
func reportFilter(r *http.Request) members.ReportFilter {
	return members.ReportFilter{OrgID: web.QueryInt(r, "org_id"), Year: int(web.QueryInt(r, "year"))}
}

// memberReport is the development report (发展党员工作情况统计) page.
func (h *handlers) memberReport(w http.ResponseWriter, r *http.Request) error {
	f := reportFilter(r)
	rep, rerr := h.Svc.Members.DevelopmentReport(r.Context(), web.ActorOf(r), f)
	if rerr != nil && apperr.KindOf(rerr) != apperr.KindInvalid {
		return rerr
	}
	orgs, err := h.memberOrgChoices(r, auth.PermMemberRead)
	if err != nil {
		return err
	}
	if rerr != nil { // a year typed into the address: the filter with the message
		rep = members.DevReport{OrgID: f.OrgID, Year: f.Year}
	}
	q := url.Values{"year": {strconv.Itoa(rep.Year)}}
	if rep.OrgID != 0 {
		q.Set("org_id", strconv.FormatInt(rep.OrgID, 10))
	}
	now := h.Svc.Clock.Now().Year()
	return h.RenderForm(w, r, "member_report", map[string]any{"R": rep, "Orgs": orgs, "Query": queryURL(q.Encode()),
		"Years":  []int{now, now - 1, now - 2, now - 3, now - 4},
		"Stages": append(append([]members.Status{}, members.PipelineStages...), members.StatusFull)}, rerr)
}
