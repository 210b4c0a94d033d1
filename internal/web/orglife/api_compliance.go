package orglife

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

func (h *handlers) apiCompliance(w http.ResponseWriter, r *http.Request) error {
	f := h.complianceFilter(r)
	var err error
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	rows, err := h.Svc.Members.Compliance(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	rows = web.List(rows)
	if f.OrgID != 0 && len(rows) == 0 {
		return apperr.NotFound()
	}
	return web.WriteList(w, rows, f.Limit, func(i int) int64 { return rows[i].Branch.ID })
}
