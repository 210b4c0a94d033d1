package sites

import (
	"net/http"

	"dangjian/internal/web"
)

// apiPlanList is a town's plans, newest first: a town has a handful, so
// the list comes whole.
func (h *handlers) apiPlanList(w http.ResponseWriter, r *http.Request) error {
	town, err := h.Town(r)
	if err != nil {
		return err
	}
	ps, err := h.Svc.Sites.Plans(r.Context(), web.ActorOf(r), town)
	if err != nil {
		return err
	}
	return web.WriteList(w, ps, len(ps)+1, func(i int) int64 { return ps[i].ID })
}
