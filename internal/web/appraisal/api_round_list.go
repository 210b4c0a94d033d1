package appraisal

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiRoundList(w http.ResponseWriter, r *http.Request) error {
	limit, err := web.Limit(r)
	if err != nil {
		return err
	}
	list, err := h.Svc.Assess.List(r.Context(), web.ActorOf(r), web.YearList(r, limit))
	if err != nil {
		return err
	}
	return web.WriteList(w, list, limit, func(i int) int64 { return list[i].ID })
}
