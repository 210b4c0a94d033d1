package people

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiHouseholdList(w http.ResponseWriter, r *http.Request) error {
	f := householdFilter(r)
	err := addressFree(r, false)
	if err == nil {
		f.Limit, err = web.Limit(r)
	}
	if err != nil {
		return err
	}
	hs, err := h.Svc.People.ListHouseholds(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, hs, f.Limit, func(i int) int64 { return hs[i].ID })
}
