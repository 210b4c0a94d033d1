package sites

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiProgressShow(w http.ResponseWriter, r *http.Request) error {
	p, err := h.Svc.Sites.Progress(r.Context(), web.ActorOf(r), web.TownParam(r))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, p)
	return nil
}
