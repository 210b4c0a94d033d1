package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// expenditureReject refuses a request at its current step, with the reason.
func (h *handlers) expenditureReject(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	_, err = h.Svc.Finance.RejectRequest(r.Context(), web.ActorOf(r), id, r.PostFormValue("note"))
	return h.stepDone(w, r, id, err, "flash.finance_rejected")
}
