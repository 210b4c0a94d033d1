package survey

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/survey"
	"dangjian/internal/web"
)

// followupBody is a 甄别 decision.
type followupBody struct {
	Action    survey.Action `json:"action"`
	Note      string        `json:"note"`
	DecidedOn day.Day       `json:"decided_on,omitempty"`
}

func (h *handlers) apiFollowupCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body followupBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	fu, err := h.Svc.Survey.RecordFollowup(r.Context(), web.ActorOf(r), survey.NewFollowup{SubjectID: id,
		Action: body.Action, Note: body.Note, DecidedOn: body.DecidedOn})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, fu)
	return nil
}
