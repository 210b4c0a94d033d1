package finance

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiLedger(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	l, err := h.Svc.Finance.Ledger(r.Context(), web.ActorOf(r), id, r.FormValue("from"), r.FormValue("to"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, l)
	return nil
}
