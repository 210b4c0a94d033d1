package org

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) apiPostShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	p, history, err := h.Svc.Org.History(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"post": p, "history": history})
	return nil
}
