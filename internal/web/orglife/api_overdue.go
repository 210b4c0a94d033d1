package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiOverdue(w http.ResponseWriter, r *http.Request) error {
	f := overdueFilter(r)
	var err error
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	items, err := h.Svc.OrgLife.Overdue(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, items, f.Limit, func(i int) int64 { return items[i].Cursor })
}
