package people

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/people"
	"dangjian/internal/web"
)

func (h *handlers) householdUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	a := web.ActorOf(r)
	_, err = h.svc.People.UpdateHousehold(r.Context(), a, id, householdForm(r))
	if k := apperr.KindOf(err); k == apperr.KindInvalid || k == apperr.KindConflict {
		choices, cerr := h.svc.People.OrgChoices(r.Context(), a, auth.PermPeopleWrite)
		if cerr != nil {
			return cerr
		}
		return h.RenderForm(w, r, "household_form", householdFormData(people.Household{ID: id}, choices), err)
	}
	if err != nil {
		return err
	}
	return h.Redirect(w, r, "/households/"+strconv.FormatInt(id, 10), "flash.household_saved")
}
