package appraisal

import (
	"net/http"

	"dangjian/internal/appraisal"
	"dangjian/internal/web"
)

// tallyBody is a rater group's counted totals.
type tallyBody struct {
	Group   appraisal.Group `json:"group"`
	Ballots int             `json:"ballots"`
	Sums    map[string]int  `json:"sums"`
}

func (h *handlers) apiTallyCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body tallyBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	res, err := h.Svc.Assess.Record(r.Context(), web.ActorOf(r), id, appraisal.Tally{Group: body.Group, Ballots: body.Ballots,
		Sums: body.Sums})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, res)
	return nil
}
