package finance

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiCountShow(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	c, err := h.Svc.Finance.CountReport(r.Context(), web.ActorOf(r), id)
	return writeJSON(w, http.StatusOK, c, err)
}
