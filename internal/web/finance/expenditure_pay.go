package finance

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// expenditurePay pays a reviewed request, posting its voucher.
func (h *handlers) expenditurePay(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	in := finance.Payment{AccountCode: r.PostFormValue("account_code"), Note: r.PostFormValue("note")}
	in.Attachments, _ = strconv.Atoi(strings.TrimSpace(r.PostFormValue("attachments")))
	_, err = h.Svc.Finance.PayRequest(r.Context(), web.ActorOf(r), id, in)
	return h.stepDone(w, r, id, err, "flash.finance_paid")
}
