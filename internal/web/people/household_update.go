package people

import (
	"net/http"
	"strconv"

	"dangjian/internal/people"
	"dangjian/internal/web"
)

func (h *handlers) householdUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	_, err = h.Svc.People.UpdateHousehold(r.Context(), web.ActorOf(r), id, householdForm(r))
	return h.FormDone(w, r, err, "household_form", h.householdFormPage(people.Household{ID: id}),
		"/households/"+strconv.FormatInt(id, 10), "flash.household_saved")
}
