package finance

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/web"
)

// countList is a village's 清查 campaigns, latest first, with the form to
// open one.
func (h *handlers) countList(w http.ResponseWriter, r *http.Request) error {
	return h.villagePage(w, r, "finance_counts", h.countsData)
}

func (h *handlers) countsData(r *http.Request, orgID int64) (map[string]any, error) {
	cs, err := h.Svc.Finance.Counts(r.Context(), web.ActorOf(r), orgID)
	if err != nil {
		return nil, err
	}
	return map[string]any{"OrgID": orgID, "Counts": cs, "Today": day.Today(h.Svc.Clock).String()}, nil
}

func (h *handlers) countListForm(r *http.Request) (map[string]any, error) {
	return h.countsData(r, web.QueryInt(r, "org_id"))
}

func countsLink(orgID int64) string { return "/finance/counts?org_id=" + itoa(orgID) }

func countLink(id int64) string { return "/finance/counts/" + itoa(id) }
