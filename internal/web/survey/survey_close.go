package survey

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/web"
)

// surveyClose ends answering and shows the results.
func (h *handlers) surveyClose(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	_, err = h.Svc.Survey.Close(r.Context(), web.ActorOf(r), id, day.Day{})
	return h.FormDone(w, r, err, "survey_show", h.surveyShowData, surveyPath(id), "flash.survey_closed")
}
