package prosperity

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiTrainingList(w http.ResponseWriter, r *http.Request) error {
	limit, err := web.Limit(r)
	if err != nil {
		return err
	}
	f, err := h.trainingFilter(r, limit)
	if err != nil {
		return err
	}
	ts, err := h.Svc.Prosper.ListTrainings(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, ts, limit, func(i int) int64 { return ts[i].ID })
}
