package prosperity

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiCoverageShow(w http.ResponseWriter, r *http.Request) error {
	limit := int(web.QueryInt(r, "missing"))
	if limit <= 0 || limit > 1000 {
		limit = 50
	}
	ar, err := h.area(r)
	if err != nil {
		return err
	}
	c, err := h.Svc.Prosper.Coverage(r.Context(), web.ActorOf(r), ar.ID, limit)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, c)
	return nil
}
