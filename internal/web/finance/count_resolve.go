package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// countResolve approves how a discrepancy is dealt with.
func (h *handlers) countResolve(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	l, err := h.Svc.Finance.ResolveDiscrepancy(r.Context(), web.ActorOf(r), id, r.PostFormValue("resolution"))
	return h.FormDone(w, r, err, "finance_count", h.lineForm, countLink(l.CountID), "flash.finance_count_resolved")
}
