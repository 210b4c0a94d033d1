package people

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiHouseholdShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	hh, rs, err := h.Svc.People.GetHousehold(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	rs = web.List(rs)
	web.WriteJSON(w, http.StatusOK, map[string]any{"household": hh, "residents": rs})
	return nil
}
