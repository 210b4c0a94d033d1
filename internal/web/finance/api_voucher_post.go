package finance

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiVoucherPost(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	v, err := h.Svc.Finance.PostVoucher(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, v)
	return nil
}
