package people

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/web"
)

// householdEdit is the form to change a household.
func (h *handlers) householdEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	a := web.ActorOf(r)
	hh, _, err := h.Svc.People.GetHousehold(r.Context(), a, id)
	if err != nil {
		return err
	}
	// Reading the household is not enough to be offered the form.
	if err := a.Decide(auth.PermPeopleRead, auth.PermPeopleWrite, hh.OrgPath); err != nil {
		return err
	}
	choices, err := h.Svc.People.OrgChoices(r.Context(), a, auth.PermPeopleWrite)
	if err != nil {
		return err
	}
	return h.Render(w, r, "household_form", householdFormData(hh, choices))
}
