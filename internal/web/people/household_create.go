package people

import (
	"net/http"
	"strconv"

	"dangjian/internal/auth"
	"dangjian/internal/people"
	"dangjian/internal/web"
)

func (h *handlers) householdCreate(w http.ResponseWriter, r *http.Request) error {
	a := web.ActorOf(r)
	hh, err := h.svc.People.CreateHousehold(r.Context(), a, householdForm(r))
	if err != nil {
		choices, cerr := h.svc.People.OrgChoices(r.Context(), a, auth.PermPeopleWrite)
		if cerr != nil {
			return cerr
		}
		return h.RenderForm(w, r, "household_form", householdFormData(people.Household{}, choices), err)
	}
	return h.Redirect(w, r, "/households/"+strconv.FormatInt(hh.ID, 10), "flash.household_created")
}
