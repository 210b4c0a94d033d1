package centres

import (
	"net/http"

	"dangjian/internal/centres"
	"dangjian/internal/web"
)

func (h *handlers) apiRegisterDue(w http.ResponseWriter, r *http.Request) error {
	reg, err := registerParam(r)
	if err != nil {
		return err
	}
	limit, err := web.Limit(r)
	if err != nil {
		return err
	}
	list, err := h.Svc.Centres.DueVisits(r.Context(), web.ActorOf(r), centres.DueFilter{OrgID: web.QueryInt(r, "org_id"),
		Register: reg, Limit: limit})
	if err != nil {
		return err
	}
	return web.WriteList(w, list, limit+1, func(i int) int64 { return list[i].ID })
}
