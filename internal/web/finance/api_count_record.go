package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

func (h *handlers) apiCountRecord(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	var body finance.CountResult
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	l, err := h.Svc.Finance.RecordCount(r.Context(), web.ActorOf(r), id, body)
	return writeJSON(w, http.StatusOK, l, err)
}
