package prosperity

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiModelShow(w http.ResponseWriter, r *http.Request) error {
	m, err := h.Svc.Prosper.VillageModel(r.Context(), web.ActorOf(r), villageParam(r))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, m)
	return nil
}
