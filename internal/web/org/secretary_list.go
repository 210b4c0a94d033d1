package org

import (
	"dangjian/internal/web"
	"net/http"
)

// secretaryList is the 书记队伍: every secretary in scope with the day
// they took office and whether their organisation is flagged weak.
func (h *handlers) secretaryList(w http.ResponseWriter, r *http.Request) error {
	f := secretaryFilter(r)
	f.Limit = 200
	rows, err := h.Svc.Org.Secretaries(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	next := web.Next(rows, f.Limit, func(i int) int64 { return rows[i].Org.ID })
	return h.Render(w, r, "secretaries", map[string]any{"Rows": rows, "Filter": f, "Next": next,
		"Types": []string{"general_branch", "branch", "industry"}})
}
