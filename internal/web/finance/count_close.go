package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// countClose closes a campaign once everything is counted and resolved.
func (h *handlers) countClose(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	_, err = h.Svc.Finance.CloseCount(r.Context(), web.ActorOf(r), id)
	return h.FormDone(w, r, err, "finance_count", h.countForm, countLink(id), "flash.finance_count_closed")
}
