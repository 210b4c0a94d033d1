package prosperity

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiCooperativeShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	v, err := h.Svc.Prosper.Cooperative(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, v)
	return nil
}
