package centres

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiCaseList(w http.ResponseWriter, r *http.Request) error {
	f := caseFilter(r)
	var err error
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	list, err := h.Svc.Centres.ListCases(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, list, f.Limit, func(i int) int64 { return list[i].ID })
}
