package prosperity

import (
	"net/http"

	"dangjian/internal/web"
)

// coverageShow is the two targets of a village or the town with who is
// still missing.
func (h *handlers) coverageShow(w http.ResponseWriter, r *http.Request) error {
	limit := 200
	if isTown(r, areaParam(r)) {
		limit = 10
	}
	c, err := h.Svc.Prosper.Coverage(r.Context(), web.ActorOf(r), areaParam(r), limit)
	if err != nil {
		return err
	}
	return h.Render(w, r, "coverage_show", map[string]any{"C": c, "Town": isTown(r, c.OrgID)})
}
