package finance

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiExpenditureShow(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	req, err := h.Svc.Finance.Request(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, req)
	return nil
}
