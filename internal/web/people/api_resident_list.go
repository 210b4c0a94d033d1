package people

import (
	"net/http"

	"dangjian/internal/people"
	"dangjian/internal/web"
)

func (h *handlers) apiResidentList(w http.ResponseWriter, r *http.Request) error {
	f, err := residentFilter(r)
	if err != nil {
		return err
	}
	if f.Limit == 0 {
		f.Limit = 100
	}
	rs, err := h.svc.People.ListResidents(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	if rs == nil {
		rs = []people.Resident{}
	}
	return web.WritePage(w, rs, len(rs) == f.Limit, func() int64 { return rs[len(rs)-1].ID })
}
