package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// weakFilter reads the list filters shared by the page and the API.
func weakFilter(r *http.Request) org.WeakFilter {
	f := org.WeakFilter{Status: org.WeakStatus(r.FormValue("status")), TownID: web.QueryInt(r, "town_id"),
		AfterID: web.QueryInt(r, "after")}
	if f.Status != org.WeakClosed {
		f.Status = org.WeakOpen
	}
	return f
}

func (h *handlers) apiWeakList(w http.ResponseWriter, r *http.Request) error {
	f := weakFilter(r)
	var err error
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	flags, err := h.Svc.Org.ListWeak(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, flags, f.Limit, func(i int) int64 { return flags[i].ID })
}
