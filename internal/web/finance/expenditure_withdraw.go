package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// expenditureWithdraw withdraws an open request.
func (h *handlers) expenditureWithdraw(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	_, err = h.Svc.Finance.WithdrawRequest(r.Context(), web.ActorOf(r), id, r.PostFormValue("note"))
	return h.stepDone(w, r, id, err, "flash.finance_withdrawn")
}
