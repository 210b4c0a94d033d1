package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// orgFilter reads the list filters shared by the page and the API.
func orgFilter(r *http.Request) org.Filter {
	return org.Filter{Type: org.Type(r.FormValue("type")), ParentID: web.QueryInt(r, "parent_id"),
		TownID: web.QueryInt(r, "town_id"), Query: r.FormValue("q"), AfterID: web.QueryInt(r, "after")}
}

func (h *handlers) orgList(w http.ResponseWriter, r *http.Request) error {
	f := orgFilter(r)
	f.Limit = 100
	orgs, err := h.Svc.Org.List(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	next := web.Next(orgs, f.Limit, func(i int) int64 { return orgs[i].ID })
	return h.Render(w, r, "orgs", map[string]any{"Orgs": orgs, "Filter": f, "Next": next, "Types": org.Types})
}
