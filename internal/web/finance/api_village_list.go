package finance

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiVillageList(w http.ResponseWriter, r *http.Request) error {
	vs, err := h.Svc.Finance.Villages(r.Context(), web.ActorOf(r))
	if err != nil {
		return err
	}
	return web.WriteList(w, vs, 0, nil)
}
