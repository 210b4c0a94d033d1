package centres

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiRequestShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	q, err := h.Svc.Centres.GetRequest(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, q)
	return nil
}
