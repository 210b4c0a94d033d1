package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// villageFilter reads the town-wide table filters shared by page and API.
func villageFilter(r *http.Request) org.VillageFilter {
	f := org.VillageFilter{TownID: web.QueryInt(r, "town_id"), AfterID: web.QueryInt(r, "after")}
	return f
}

func (h *handlers) apiCommitteeList(w http.ResponseWriter, r *http.Request) error {
	f := villageFilter(r)
	var err error
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	cs, err := h.Svc.Org.Committees(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, cs, f.Limit, func(i int) int64 { return cs[i].Org.ID })
}
