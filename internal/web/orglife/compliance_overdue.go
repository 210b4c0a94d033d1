package orglife

import (
	"net/http"

	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// overdueFilter reads the overdue list's query, shared by page and API.
func overdueFilter(r *http.Request) orglife.OverdueFilter {
	return orglife.OverdueFilter{OrgID: web.QueryInt(r, "org_id"), After: web.QueryInt(r, "after")}
}

// complianceOverdue lists the meetings each branch in scope has not yet
// held in the current period, and since when.
func (h *handlers) complianceOverdue(w http.ResponseWriter, r *http.Request) error {
	f := overdueFilter(r)
	f.Limit = 50
	items, err := h.Svc.OrgLife.Overdue(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	next := web.Next(items, f.Limit, func(i int) int64 { return items[i].Cursor })
	return h.Render(w, r, "compliance_overdue", map[string]any{"Items": items, "Next": next, "Filter": f})
}
