package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

func (h *handlers) apiOrgList(w http.ResponseWriter, r *http.Request) error {
	f := orgFilter(r)
	if f.Limit == 0 {
		f.Limit = 200
	}
	orgs, err := h.svc.Org.List(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	if orgs == nil {
		orgs = []org.Org{}
	}
	return web.WritePage(w, orgs, len(orgs) == f.Limit, func() int64 { return orgs[len(orgs)-1].ID })
}
