package sites

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiProgressShow(w http.ResponseWriter, r *http.Request) error {
	town, err := h.Town(r)
	if err != nil {
		return err
	}
	p, err := h.Svc.Sites.Progress(r.Context(), web.ActorOf(r), town)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, p)
	return nil
}
