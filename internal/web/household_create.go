package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/auth"
	"dangjian/internal/people"
)

func (s *Server) householdCreate(w http.ResponseWriter, r *http.Request) error {
	a := actorOf(r)
	h, err := s.svc.People.CreateHousehold(r.Context(), a, householdForm(r))
	if err != nil {
		choices, cerr := s.svc.People.OrgChoices(r.Context(), a, auth.PermPeopleWrite)
		if cerr != nil {
			return cerr
		}
		return s.renderForm(w, r, "household_form", householdFormData(people.Household{}, choices), err)
	}
	return s.redirect(w, r, "/households/"+strconv.FormatInt(h.ID, 10), "flash.household_created")
}
