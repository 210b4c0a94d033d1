package appraisal

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiRoundShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	sh, err := h.Svc.Assess.Get(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, sh)
	return nil
}
