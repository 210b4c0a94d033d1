package people

import (
	"net/http"

	"dangjian/internal/people"
	"dangjian/internal/web"
)

func (h *handlers) apiHouseholdShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	hh, rs, err := h.svc.People.GetHousehold(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	if rs == nil {
		rs = []people.Resident{}
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"household": hh, "residents": rs})
	return nil
}
