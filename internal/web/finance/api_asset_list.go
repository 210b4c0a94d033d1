package finance

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiAssetList(w http.ResponseWriter, r *http.Request) error {
	limit, err := web.Limit(r)
	if err != nil {
		return err
	}
	xs, err := h.Svc.Finance.Assets(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), web.QueryInt(r, "before"), limit)
	if err != nil {
		return err
	}
	return web.WriteList(w, xs, limit, func(i int) int64 { return xs[i].ID })
}
