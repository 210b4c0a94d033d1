package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

func (h *handlers) apiOrgWeak(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	flags, err := h.svc.Org.WeakFlagsOf(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	if flags == nil {
		flags = []org.WeakFlag{}
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": flags})
	return nil
}
