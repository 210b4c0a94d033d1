package web

import (
	"net/http"

	"dangjian/internal/auth"
)

// householdEdit is the form to change a household.
func (s *Server) householdEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a := actorOf(r)
	h, _, err := s.svc.People.GetHousehold(r.Context(), a, id)
	if err != nil {
		return err
	}
	choices, err := s.svc.People.OrgChoices(r.Context(), a, auth.PermPeopleWrite)
	if err != nil {
		return err
	}
	return s.render(w, r, "household_form", householdFormData(h, choices))
}
