package sites

import (
	"net/http"

	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// progressShow is the town's site progress, village by village.
func (h *handlers) progressShow(w http.ResponseWriter, r *http.Request) error {
	town, err := h.Town(r)
	if err != nil {
		return err
	}
	p, err := h.Svc.Sites.Progress(r.Context(), web.ActorOf(r), town)
	if err != nil {
		return err
	}
	return h.Render(w, r, "site_progress", map[string]any{"P": p, "Statuses": sites.Statuses})
}
