package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

func (h *handlers) apiExpenditureApprove(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	var body finance.Approval
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	return h.writeRequest(w)(h.Svc.Finance.ApproveRequest(r.Context(), web.ActorOf(r), id, body))
}
