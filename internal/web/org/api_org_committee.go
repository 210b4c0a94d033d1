package org

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) apiOrgCommittee(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	c, err := h.Svc.Org.Committee(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, c)
	return nil
}
