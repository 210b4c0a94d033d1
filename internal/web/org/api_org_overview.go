package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

func (h *handlers) apiOrgOverview(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	rows, err := h.Svc.Org.TownOverview(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": rows, "totals": org.Totals(rows)})
	return nil
}
