package org

import (
	"dangjian/internal/web"
	"net/http"
)

// committeeList is the town-wide 两委 table: each village's members,
// vacancies and people sitting on both committees.
func (h *handlers) committeeList(w http.ResponseWriter, r *http.Request) error {
	f := villageFilter(r)
	cs, err := h.svc.Org.Committees(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	var next int64
	if len(cs) == f.Limit {
		next = cs[len(cs)-1].Org.ID
	}
	return h.Render(w, r, "committees", map[string]any{"Committees": cs, "Filter": f, "Next": next})
}
