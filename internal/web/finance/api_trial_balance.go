package finance

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiTrialBalance(w http.ResponseWriter, r *http.Request) error {
	tb, err := h.Svc.Finance.TrialBalance(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), r.FormValue("from"), r.FormValue("to"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, tb)
	return nil
}
