package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

func (h *handlers) apiExpenditurePay(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	var body finance.Payment
	if r.ContentLength != 0 {
		if err := web.DecodeJSON(r, &body); err != nil {
			return err
		}
	}
	return h.writeRequest(w)(h.Svc.Finance.PayRequest(r.Context(), web.ActorOf(r), id, body))
}
