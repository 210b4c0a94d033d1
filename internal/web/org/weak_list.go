package org

import (
	"dangjian/internal/web"
	"net/http"
)

// weakList is every 软弱涣散 flag in the viewer's scope, overdue first.
func (h *handlers) weakList(w http.ResponseWriter, r *http.Request) error {
	f := weakFilter(r)
	f.Limit = 100
	flags, err := h.Svc.Org.ListWeak(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	next := web.Next(flags, f.Limit, func(i int) int64 { return flags[i].ID })
	return h.Render(w, r, "weak", map[string]any{"Flags": flags, "Filter": f, "Next": next})
}
