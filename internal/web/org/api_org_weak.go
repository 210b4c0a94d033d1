package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// orgWeakJSON is an organisation's 软弱涣散 flags.
type orgWeakJSON struct {
	Items []org.WeakFlag `json:"items"`
}

func (h *handlers) apiOrgWeak(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	flags, err := h.Svc.Org.WeakFlagsOf(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, orgWeakJSON{Items: web.List(flags)})
	return nil
}
