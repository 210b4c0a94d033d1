package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

func (h *handlers) apiReconciliationRecord(w http.ResponseWriter, r *http.Request) error {
	var body finance.NewReconciliation
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	rec, err := h.Svc.Finance.Reconcile(r.Context(), web.ActorOf(r), body)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, rec)
	return nil
}
