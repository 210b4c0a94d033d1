package org

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/web"
)

// postVacateBody is the JSON body of the day a post falls vacant.
type postVacateBody struct {
	EndedOn string `json:"ended_on"`
}

func (h *handlers) apiPostVacate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body postVacateBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	end, err := web.JSONDate("ended_on", body.EndedOn)
	if err != nil {
		return err
	}
	if err := h.Svc.Org.Vacate(r.Context(), web.ActorOf(r), id, day.Of(end)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
