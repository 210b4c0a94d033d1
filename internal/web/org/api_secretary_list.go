package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// secretaryFilter reads the 书记队伍 filters shared by page and API.
func secretaryFilter(r *http.Request) org.SecretaryFilter {
	f := org.SecretaryFilter{Type: org.Type(r.FormValue("type")), TownID: web.QueryInt(r, "town_id"),
		WeakOnly: r.FormValue("weak") == "1", Vacant: r.FormValue("vacant") == "1",
		AfterID: web.QueryInt(r, "after")}
	return f
}

func (h *handlers) apiSecretaryList(w http.ResponseWriter, r *http.Request) error {
	f := secretaryFilter(r)
	var err error
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	rows, err := h.Svc.Org.Secretaries(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, rows, f.Limit, func(i int) int64 { return rows[i].Org.ID })
}
