package org

import (
	"dangjian/internal/web"
	"net/http"
)

// weakList is every 软弱涣散 flag in the viewer's scope, overdue first.
func (h *handlers) weakList(w http.ResponseWriter, r *http.Request) error {
	f := weakFilter(r)
	flags, err := h.svc.Org.ListWeak(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	var next int64
	if len(flags) == f.Limit {
		next = flags[len(flags)-1].ID
	}
	return h.Render(w, r, "weak", map[string]any{"Flags": flags, "Filter": f, "Next": next})
}
