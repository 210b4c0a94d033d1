package org

import (
	"dangjian/internal/org"
	"dangjian/internal/web"
	"net/http"
)

// orgCentresJSON is a village's five centres.
type orgCentresJSON struct {
	Items []org.Centre `json:"items"`
}

func (h *handlers) apiOrgCentres(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	centres, err := h.Svc.Org.Centres(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, orgCentresJSON{Items: web.List(centres)})
	return nil
}
