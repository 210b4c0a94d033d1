package prosperity

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

// sessionBody is a session of a training and the residents present.
type sessionBody struct {
	HeldOn      string  `json:"held_on"`
	Topic       string  `json:"topic"`
	Hours       int     `json:"hours"`
	ResidentIDs []int64 `json:"resident_ids"`
}

func (h *handlers) apiSessionCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body sessionBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	f := apperr.Fields{}
	on := day.Of(web.JSONDateInto(f, "held_on", body.HeldOn))
	if err := f.Err(); err != nil {
		return err
	}
	s, err := h.Svc.Prosper.RecordSession(r.Context(), web.ActorOf(r), prosperity.NewSession{TrainingID: id, HeldOn: on,
		Topic: body.Topic, Hours: body.Hours, ResidentIDs: body.ResidentIDs})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, s)
	return nil
}
