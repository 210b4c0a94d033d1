package centres

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiCentreShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	p, err := h.Svc.Centres.Centre(r.Context(), web.ActorOf(r), id, r.PathValue("code"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, p)
	return nil
}
