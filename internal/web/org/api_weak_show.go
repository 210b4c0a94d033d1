package org

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) apiWeakShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	flag, err := h.Svc.Org.WeakFlag(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, flag)
	return nil
}
