package people

import (
	"net/http"
	"strconv"

	"dangjian/internal/people"
	"dangjian/internal/web"
)

func (h *handlers) householdCreate(w http.ResponseWriter, r *http.Request) error {
	a := web.ActorOf(r)
	hh, err := h.Svc.People.CreateHousehold(r.Context(), a, householdForm(r))
	return h.FormDone(w, r, err, "household_form", h.householdFormPage(people.Household{}),
		"/households/"+strconv.FormatInt(hh.ID, 10), "flash.household_created")
}
