package commendation

import (
	"net/http"

	"dangjian/internal/commendation"
	"dangjian/internal/day"
	"dangjian/internal/web"
)

// stepBody is one step's meeting and list.
type stepBody struct {
	Step     int                 `json:"step"`
	HeldOn   day.Day             `json:"held_on"`
	Expected int                 `json:"expected"`
	Present  int                 `json:"present"`
	Note     string              `json:"note,omitempty"`
	Votes    []commendation.Vote `json:"votes"`
}

func (h *handlers) apiStepCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body stepBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	sh, err := h.Svc.Commend.RecordStep(r.Context(), web.ActorOf(r), id, commendation.StepInput{Step: commendation.Step(body.Step),
		HeldOn: body.HeldOn, Expected: body.Expected, Present: body.Present, Note: body.Note, Votes: body.Votes})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, sh)
	return nil
}
