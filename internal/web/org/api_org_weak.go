package org

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiOrgWeak(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	flags, err := h.Svc.Org.WeakFlagsOf(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	flags = web.List(flags)
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": flags})
	return nil
}
