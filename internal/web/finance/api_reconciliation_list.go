package finance

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiReconciliationList(w http.ResponseWriter, r *http.Request) error {
	period := r.FormValue("period")
	if period == "" {
		period = h.lastMonth()
	}
	rs, err := h.Svc.Finance.Reconciliations(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), period)
	if err != nil {
		return err
	}
	return web.WriteList(w, rs, 0, nil)
}
