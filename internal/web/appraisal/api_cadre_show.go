package appraisal

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiCadreShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	hist, err := h.Svc.Assess.Cadre(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, hist)
	return nil
}
