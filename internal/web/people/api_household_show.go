package people

import (
	"net/http"

	"dangjian/internal/people"
	"dangjian/internal/web"
)

// householdJSON is a household with its residents.
type householdJSON struct {
	Household people.Household  `json:"household"`
	Residents []people.Resident `json:"residents"`
}

func (h *handlers) apiHouseholdShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	hh, rs, err := h.Svc.People.GetHousehold(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, householdJSON{Household: hh, Residents: web.List(rs)})
	return nil
}
