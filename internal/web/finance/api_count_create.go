package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

func (h *handlers) apiCountCreate(w http.ResponseWriter, r *http.Request) error {
	var body finance.NewCount
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	c, err := h.Svc.Finance.OpenCount(r.Context(), web.ActorOf(r), body)
	if err == nil {
		c, err = h.Svc.Finance.CountReport(r.Context(), web.ActorOf(r), c.ID)
	}
	return writeJSON(w, http.StatusCreated, c, err)
}
