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
		AfterID: web.QueryInt(r, "after"), Limit: int(web.QueryInt(r, "limit"))}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 200
	}
	return f
}

func (h *handlers) apiSecretaryList(w http.ResponseWriter, r *http.Request) error {
	f := secretaryFilter(r)
	rows, err := h.svc.Org.Secretaries(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WritePage(w, rows, len(rows) == f.Limit, func() int64 { return rows[len(rows)-1].Org.ID })
}
