package sites

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// reconciliation is the plan a request names (or the town's latest),
// reconciled.
func (h *handlers) reconciliation(r *http.Request) (sites.Reconciliation, error) {
	id, err := h.planParam(r)
	if err != nil {
		return sites.Reconciliation{}, err
	}
	if id == 0 {
		return sites.Reconciliation{}, apperr.NotFound()
	}
	return h.Svc.Sites.Reconcile(r.Context(), web.ActorOf(r), id)
}

// reconciliationShow is the reconciliation page, printable on A4.
func (h *handlers) reconciliationShow(w http.ResponseWriter, r *http.Request) error {
	rc, err := h.reconciliation(r)
	if err != nil {
		return err
	}
	exceeds := ""
	for _, l := range rc.Lines {
		if l.SiteID == rc.ExceedsAt {
			exceeds = l.OrgName
		}
	}
	return h.Render(w, r, "site_reconciliation", map[string]any{"R": rc, "Explanation": rc.Explanation(web.LangOf(r)),
		"ExceedsAt": exceeds})
}
