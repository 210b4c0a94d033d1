package finance

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// contractRent records rent received, posting its receipt.
func (h *handlers) contractRent(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	amount := formYuan(r, "amount", f)
	var c finance.Contract
	if err = f.Err(); err == nil {
		c, err = h.Svc.Finance.RecordRent(r.Context(), web.ActorOf(r), id, amount)
	}
	return h.FormDone(w, r, err, "finance_contracts", h.contractForm, contractsLink(c.OrgID), "flash.finance_rent_recorded")
}
