package appraisal

import (
	"net/http"

	"dangjian/internal/appraisal"
	"dangjian/internal/web"
)

// cadreShow is a cadre's own page: their reports, this round's result by
// rater group, and their results in every year.
func (h *handlers) cadreShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	hist, err := h.Svc.Assess.Cadre(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	return h.Render(w, r, "appraisal_cadre", map[string]any{"H": hist, "Groups": appraisal.Groups})
}
