package web

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/people"
)

// householdNew is the registration form; ?org_id= preselects the group.
func (s *Server) householdNew(w http.ResponseWriter, r *http.Request) error {
	choices, err := s.svc.People.OrgChoices(r.Context(), actorOf(r), auth.PermPeopleWrite)
	if err != nil {
		return err
	}
	return s.render(w, r, "household_form", householdFormData(people.Household{OrgID: queryInt(r, "org_id")}, choices))
}

// householdFormData is what the household form shows: the household
// (empty when new) and the villages and groups the user may write in.
func householdFormData(h people.Household, choices []people.OrgChoice) map[string]any {
	return map[string]any{"Household": h, "New": h.ID == 0, "Choices": choices}
}
