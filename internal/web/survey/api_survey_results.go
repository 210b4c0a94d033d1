package survey

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiSurveyResults(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	res, err := h.Svc.Survey.Results(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, res)
	return nil
}
