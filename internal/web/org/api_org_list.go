package org

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiOrgList(w http.ResponseWriter, r *http.Request) error {
	f := orgFilter(r)
	var err error
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	orgs, err := h.Svc.Org.List(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, orgs, f.Limit, func(i int) int64 { return orgs[i].ID })
}
