package prosperity

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiModelShow(w http.ResponseWriter, r *http.Request) error {
	village, err := h.village(r)
	if err != nil {
		return err
	}
	m, err := h.Svc.Prosper.VillageModel(r.Context(), web.ActorOf(r), village)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, m)
	return nil
}
