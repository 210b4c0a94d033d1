package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// periodBody names a village's month.
type periodBody struct {
	OrgID  int64  `json:"org_id"`
	Period string `json:"period"`
}

func (h *handlers) apiPeriodClose(w http.ResponseWriter, r *http.Request) error {
	var body periodBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	p, err := h.Svc.Finance.ClosePeriod(r.Context(), web.ActorOf(r), body.OrgID, body.Period)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, p)
	return nil
}
