package orglife

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// complianceFilter reads the compliance table's query.
func (h *handlers) complianceFilter(r *http.Request) members.ComplianceFilter {
	return members.ComplianceFilter{Year: h.yearParam(r), OrgID: web.QueryInt(r, "org_id"), After: web.QueryInt(r, "after")}
}

// compliancePage is as many branches as the compliance page reads at once.
const compliancePage = 200

// complianceList is each branch's compliance with the cadences over a
// year, grouped by village with totals per village and per town. It reads
// every branch in scope (a town has under two hundred, one page of the
// use case), because totals over a part of the town would mislead.
func (h *handlers) complianceList(w http.ResponseWriter, r *http.Request) error {
	f := h.complianceFilter(r)
	f.After, f.Limit = 0, compliancePage
	var rows []members.BranchCompliance
	for {
		page, err := h.Svc.Members.Compliance(r.Context(), web.ActorOf(r), f)
		if err != nil {
			return err
		}
		rows = append(rows, page...)
		if len(page) < f.Limit {
			break
		}
		f.After = page[len(page)-1].Branch.ID
	}
	above, err := h.Svc.Org.Ancestors(r.Context(), aboveBranches(rows))
	if err != nil {
		return err
	}
	names := map[int64]org.Org{}
	for _, o := range above {
		names[o.ID] = o
	}
	now := h.Svc.Clock.Now().Year()
	return h.Render(w, r, "compliance_list", map[string]any{"Towns": groupCompliance(rows, names), "Year": f.Year,
		"Years": []int{now, now - 1, now - 2}, "Kinds": members.MeetingKinds, "Columns": len(members.MeetingKinds) + 2})
}
