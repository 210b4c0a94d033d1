package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// voucherShow is one voucher with its lines, and the posting button.
func (h *handlers) voucherShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.voucherPage(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "finance_voucher", data)
}

func (h *handlers) voucherPage(r *http.Request) (map[string]any, error) {
	id, err := idOf(r)
	if err != nil {
		return nil, err
	}
	v, err := h.Svc.Finance.Voucher(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"V": v, "Path": v.OrgPath}, nil
}
