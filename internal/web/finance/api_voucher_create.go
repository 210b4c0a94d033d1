package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

func (h *handlers) apiVoucherCreate(w http.ResponseWriter, r *http.Request) error {
	var body finance.NewVoucher
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	v, err := h.Svc.Finance.CreateVoucher(r.Context(), web.ActorOf(r), body)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, v)
	return nil
}
