package org

import (
	"dangjian/internal/web"
	"net/http"
)

// committeeList is the town-wide 两委 table: each village's members,
// vacancies and people sitting on both committees.
func (h *handlers) committeeList(w http.ResponseWriter, r *http.Request) error {
	f := villageFilter(r)
	f.Limit = 100
	cs, err := h.Svc.Org.Committees(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	next := web.Next(cs, f.Limit, func(i int) int64 { return cs[i].Org.ID })
	return h.Render(w, r, "committees", map[string]any{"Committees": cs, "Filter": f, "Next": next})
}
