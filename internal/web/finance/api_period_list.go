package finance

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiPeriodList(w http.ResponseWriter, r *http.Request) error {
	ps, err := h.Svc.Finance.Periods(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"))
	if err != nil {
		return err
	}
	return web.WriteList(w, ps, 0, nil)
}
