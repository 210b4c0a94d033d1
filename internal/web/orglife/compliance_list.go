package orglife

import (
	"net/http"

	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// complianceFilter reads the compliance table's query.
func (h *handlers) complianceFilter(r *http.Request) orglife.ComplianceFilter {
	return orglife.ComplianceFilter{Year: h.yearParam(r), OrgID: web.QueryInt(r, "org_id"), After: web.QueryInt(r, "after")}
}

// complianceList is each branch's compliance with the cadences over a
// year, a page of branches at a time.
func (h *handlers) complianceList(w http.ResponseWriter, r *http.Request) error {
	f := h.complianceFilter(r)
	f.Limit = 50
	rows, err := h.Svc.OrgLife.Compliance(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	next := web.Next(rows, f.Limit, func(i int) int64 { return rows[i].Branch.ID })
	now := h.Svc.Clock.Now().Year()
	return h.Render(w, r, "compliance_list", map[string]any{"Rows": rows, "Next": next, "Year": f.Year,
		"Years": []int{now, now - 1, now - 2}, "Kinds": orglife.MeetingKinds})
}
