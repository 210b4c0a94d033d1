package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// townOverviewJSON is a town's villages and their sum.
type townOverviewJSON struct {
	Items  []org.VillageStats `json:"items"`
	Totals org.VillageStats   `json:"totals"`
}

func (h *handlers) apiOrgOverview(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	rows, err := h.Svc.Org.TownOverview(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, townOverviewJSON{Items: web.List(rows), Totals: org.Totals(rows)})
	return nil
}
