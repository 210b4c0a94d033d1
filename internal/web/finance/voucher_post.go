package finance

import (
	"net/http"
	"strconv"

	"dangjian/internal/web"
)

// voucherPost posts a draft voucher.
func (h *handlers) voucherPost(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	_, err = h.Svc.Finance.PostVoucher(r.Context(), web.ActorOf(r), id)
	return h.FormDone(w, r, err, "finance_voucher", h.voucherPage, "/finance/vouchers/"+strconv.FormatInt(id, 10), "flash.finance_voucher_posted")
}
