package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// ledgerShow is an account's ledger (明细账) over a range of months.
func (h *handlers) ledgerShow(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	l, err := h.Svc.Finance.Ledger(r.Context(), web.ActorOf(r), id, r.FormValue("from"), r.FormValue("to"))
	if err != nil {
		return err
	}
	return h.Render(w, r, "finance_ledger", map[string]any{"L": l})
}
