package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// villageFilter reads the town-wide table filters shared by page and API.
func villageFilter(r *http.Request) org.VillageFilter {
	f := org.VillageFilter{TownID: web.QueryInt(r, "town_id"), AfterID: web.QueryInt(r, "after"), Limit: int(web.QueryInt(r, "limit"))}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 100
	}
	return f
}

func (h *handlers) apiCommitteeList(w http.ResponseWriter, r *http.Request) error {
	f := villageFilter(r)
	cs, err := h.svc.Org.Committees(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WritePage(w, cs, len(cs) == f.Limit, func() int64 { return cs[len(cs)-1].Org.ID })
}
