package people

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiResidentList(w http.ResponseWriter, r *http.Request) error {
	f, err := residentFilter(r, r.Method == http.MethodPost) // only apiResidentSearch posts
	if err == nil {
		f.Limit, err = web.Limit(r)
	}
	if err != nil {
		return err
	}
	rs, err := h.Svc.People.ListResidents(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, rs, f.Limit, func(i int) int64 { return rs[i].ID })
}
