package finance

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// voucherLines is how many lines the voucher form offers.
const voucherLines = 6

// voucherList is a village's vouchers, newest first, and the form for a new one.
func (h *handlers) voucherList(w http.ResponseWriter, r *http.Request) error {
	return h.villagePage(w, r, "finance_vouchers", h.voucherData)
}

func (h *handlers) voucherData(r *http.Request, orgID int64) (map[string]any, error) {
	a := web.ActorOf(r)
	f := finance.VoucherFilter{OrgID: orgID, Status: r.FormValue("status"), Before: web.QueryInt(r, "before"), Limit: 50}
	vs, err := h.Svc.Finance.ListVouchers(r.Context(), a, f)
	if err != nil {
		return nil, err
	}
	accounts, err := h.Svc.Finance.Accounts(r.Context(), a, orgID)
	if err != nil {
		return nil, err
	}
	lines := make([]int, voucherLines)
	for i := range lines {
		lines[i] = i
	}
	return map[string]any{"OrgID": orgID, "Vouchers": vs, "Status": f.Status, "Accounts": accounts, "Lines": lines,
		"Today": day.Today(h.Svc.Clock).String(),
		"Next":  web.Next(vs, f.Limit, func(i int) int64 { return vs[i].ID })}, nil
}
