package appraisal

import (
	"net/http"

	"dangjian/internal/appraisal"
	"dangjian/internal/web"
)

// roundShow is a round: every cadre's score, rank and grade, the forms to
// enter a report and a rater group's counted totals.
func (h *handlers) roundShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.showData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "appraisal_show", data)
}

// roundPrint is the county's form of a round, for A4.
func (h *handlers) roundPrint(w http.ResponseWriter, r *http.Request) error {
	data, err := h.showData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "appraisal_print", data)
}

func (h *handlers) showData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	sh, err := h.Svc.Assess.Get(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Sheet": sh, "R": sh.Round, "Groups": appraisal.Groups, "Qualities": appraisal.Qualities,
		"Areas": appraisal.Areas, "Today": h.Svc.Clock.Now().Format("2006-01-02")}, nil
}
