package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

func (h *handlers) apiVoucherList(w http.ResponseWriter, r *http.Request) error {
	limit, err := web.Limit(r)
	if err != nil {
		return err
	}
	vs, err := h.Svc.Finance.ListVouchers(r.Context(), web.ActorOf(r), finance.VoucherFilter{OrgID: web.QueryInt(r, "org_id"),
		Status: r.FormValue("status"), Before: web.QueryInt(r, "before"), Limit: limit})
	if err != nil {
		return err
	}
	return web.WriteList(w, vs, limit, func(i int) int64 { return vs[i].ID })
}
