package survey

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/web"
)

func (h *handlers) apiSurveyClose(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	sv, err := h.Svc.Survey.Close(r.Context(), web.ActorOf(r), id, day.Day{})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, sv)
	return nil
}
