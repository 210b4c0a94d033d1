package centres

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiCentreTown(w http.ResponseWriter, r *http.Request) error {
	rows, err := h.Svc.Centres.TownCentres(r.Context(), web.ActorOf(r), web.QueryInt(r, "town_id"))
	if err != nil {
		return err
	}
	return web.WriteList(w, rows, len(rows)+1, func(i int) int64 { return rows[i].Village.ID })
}
