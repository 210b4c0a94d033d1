package people

import (
	"net/http"

	"dangjian/internal/people"
	"dangjian/internal/web"
)

func (h *handlers) apiHouseholdList(w http.ResponseWriter, r *http.Request) error {
	f := householdFilter(r)
	if f.Limit == 0 {
		f.Limit = 100
	}
	hs, err := h.svc.People.ListHouseholds(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	if hs == nil {
		hs = []people.Household{}
	}
	return web.WritePage(w, hs, len(hs) == f.Limit, func() int64 { return hs[len(hs)-1].ID })
}
