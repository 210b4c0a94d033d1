package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// weakFilter reads the list filters shared by the page and the API.
func weakFilter(r *http.Request) org.WeakFilter {
	f := org.WeakFilter{Status: org.WeakStatus(r.FormValue("status")), TownID: web.QueryInt(r, "town_id"),
		AfterID: web.QueryInt(r, "after"), Limit: int(web.QueryInt(r, "limit"))}
	if f.Status != org.WeakClosed {
		f.Status = org.WeakOpen
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	return f
}

func (h *handlers) apiWeakList(w http.ResponseWriter, r *http.Request) error {
	f := weakFilter(r)
	flags, err := h.svc.Org.ListWeak(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	if flags == nil {
		flags = []org.WeakFlag{}
	}
	return web.WritePage(w, flags, len(flags) == f.Limit, func() int64 { return flags[len(flags)-1].ID })
}
