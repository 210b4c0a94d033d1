package prosperity

import (
	"net/http"

	"dangjian/internal/web"
)

// coverageShow is the two targets of a village or the town with who is
// still missing.
func (h *handlers) coverageShow(w http.ResponseWriter, r *http.Request) error {
	ar, err := h.area(r)
	if err != nil {
		return err
	}
	limit := 200
	if ar.Town {
		limit = 10
	}
	c, err := h.Svc.Prosper.Coverage(r.Context(), web.ActorOf(r), ar.ID, limit)
	if err != nil {
		return err
	}
	return h.Render(w, r, "coverage_show", map[string]any{"C": c, "Town": ar.Town})
}
