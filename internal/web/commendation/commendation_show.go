package commendation

import (
	"net/http"
	"strconv"

	"dangjian/internal/commendation"
	"dangjian/internal/web"
)

// commendationShow is one commendation: the quota, the steps done with
// their lists, every member with their eligibility, and the next step's
// form.
func (h *handlers) commendationShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.showData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "commendation_show", data)
}

func (h *handlers) showData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	sh, err := h.Svc.Commend.Get(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	steps := make([]map[string]any, len(commendation.Steps))
	for i, s := range commendation.Steps {
		steps[i] = map[string]any{"N": int(s), "Key": "commendation.step." + strconv.Itoa(int(s)), "Next": s == sh.Commendation.Next(),
			"Done": s <= sh.Commendation.Step}
	}
	return map[string]any{"Sheet": sh, "C": sh.Commendation, "StepChoices": steps, "Kinds": commendation.DisciplineKinds,
		"Today": h.Svc.Clock.Now().Format("2006-01-02")}, nil
}
