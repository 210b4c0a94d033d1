package finance

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiContractList(w http.ResponseWriter, r *http.Request) error {
	cs, err := h.Svc.Finance.Contracts(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"))
	if err != nil {
		return err
	}
	return web.WriteList(w, cs, 0, nil)
}
