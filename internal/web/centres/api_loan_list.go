package centres

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiLoanList(w http.ResponseWriter, r *http.Request) error {
	limit, err := web.Limit(r)
	if err != nil {
		return err
	}
	list, err := h.Svc.Centres.OpenLoans(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), limit)
	if err != nil {
		return err
	}
	return web.WriteList(w, list, limit+1, func(i int) int64 { return list[i].ID })
}
