package appraisal

import (
	"net/http"

	"dangjian/internal/appraisal"
	"dangjian/internal/day"
	"dangjian/internal/web"
)

// roundCreateBody opens a round.
type roundCreateBody struct {
	OrgID   int64                   `json:"org_id"`
	Year    int                     `json:"year"`
	HeldOn  day.Day                 `json:"held_on,omitempty"`
	Weights map[appraisal.Group]int `json:"weights,omitempty"`
	Cuts    *appraisal.Cuts         `json:"cuts,omitempty"`
}

func (h *handlers) apiRoundCreate(w http.ResponseWriter, r *http.Request) error {
	var body roundCreateBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	in := appraisal.NewRound{OrgID: body.OrgID, Year: body.Year, HeldOn: body.HeldOn, Weights: body.Weights}
	if body.Cuts != nil {
		in.Cuts = *body.Cuts
	}
	sh, err := h.Svc.Assess.Open(r.Context(), web.ActorOf(r), in)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, sh)
	return nil
}
