package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

func (h *handlers) apiExpenditureList(w http.ResponseWriter, r *http.Request) error {
	limit, err := web.Limit(r)
	if err != nil {
		return err
	}
	rs, err := h.Svc.Finance.ListRequests(r.Context(), web.ActorOf(r), finance.RequestFilter{OrgID: web.QueryInt(r, "org_id"),
		Status: r.FormValue("status"), Before: web.QueryInt(r, "before"), Limit: limit})
	if err != nil {
		return err
	}
	return web.WriteList(w, rs, limit, func(i int) int64 { return rs[i].ID })
}
