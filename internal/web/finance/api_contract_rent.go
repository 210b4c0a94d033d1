package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// rentBody is rent received, in 分.
type rentBody struct {
	Amount finance.Fen `json:"amount_fen"`
}

func (h *handlers) apiContractRent(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	var body rentBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	c, err := h.Svc.Finance.RecordRent(r.Context(), web.ActorOf(r), id, body.Amount)
	return writeJSON(w, http.StatusOK, c, err)
}
