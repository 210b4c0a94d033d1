package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/people"
)

func (s *Server) householdUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a := actorOf(r)
	_, err = s.svc.People.UpdateHousehold(r.Context(), a, id, householdForm(r))
	if k := apperr.KindOf(err); k == apperr.KindInvalid || k == apperr.KindConflict {
		choices, cerr := s.svc.People.OrgChoices(r.Context(), a, auth.PermPeopleWrite)
		if cerr != nil {
			return cerr
		}
		return s.renderForm(w, r, "household_form", householdFormData(people.Household{ID: id}, choices), err)
	}
	if err != nil {
		return err
	}
	return s.redirect(w, r, "/households/"+strconv.FormatInt(id, 10), "flash.household_saved")
}
