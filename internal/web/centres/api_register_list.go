package centres

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiRegisterList(w http.ResponseWriter, r *http.Request) error {
	f, err := registerFilter(r)
	if err != nil {
		return err
	}
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	list, err := h.Svc.Centres.ListRegister(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, list, f.Limit, func(i int) int64 { return list[i].ID })
}
