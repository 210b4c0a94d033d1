package sites

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiSiteList(w http.ResponseWriter, r *http.Request) error {
	limit, err := web.Limit(r)
	if err != nil {
		return err
	}
	_, xs, err := h.listSites(r, limit)
	if err != nil {
		return err
	}
	return web.WriteList(w, xs, limit, func(i int) int64 { return xs[i].ID })
}
