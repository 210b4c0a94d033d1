package survey

import (
	"net/http"

	"dangjian/internal/survey"
	"dangjian/internal/web"
)

// surveyShow is one survey: its groups and counts, the forms to print
// slips and to close it, and once closed its results and 甄别.
func (h *handlers) surveyShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.surveyShowData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "survey_show", data)
}

func (h *handlers) surveyShowData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	a := web.ActorOf(r)
	sh, err := h.Svc.Survey.Get(r.Context(), a, id)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Sheet": sh, "Survey": sh.Survey, "Groups": sh.Groups, "Actions": survey.Actions,
		"Ratings": survey.Ratings, "Max": survey.MaxCodesPerIssue, "Min": survey.MinGroupAnswers}
	if sh.Survey.Closed() {
		res, err := h.Svc.Survey.Results(r.Context(), a, id)
		if err != nil {
			return nil, err
		}
		data["Results"] = res
	}
	return data, nil
}
