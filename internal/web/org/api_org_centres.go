package org

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) apiOrgCentres(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	centres, err := h.Svc.Org.Centres(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": centres})
	return nil
}
