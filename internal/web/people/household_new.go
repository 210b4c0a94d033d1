package people

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/people"
	"dangjian/internal/web"
)

// householdNew is the registration form; ?org_id= preselects the group.
func (h *handlers) householdNew(w http.ResponseWriter, r *http.Request) error {
	choices, err := h.Svc.People.OrgChoices(r.Context(), web.ActorOf(r), auth.PermPeopleWrite)
	if err != nil {
		return err
	}
	return h.Render(w, r, "household_form", householdFormData(people.Household{OrgID: web.QueryInt(r, "org_id")}, choices))
}

// householdFormPage loads the household form again for a form ending.
func (h *handlers) householdFormPage(hh people.Household) func(*http.Request) (map[string]any, error) {
	return func(r *http.Request) (map[string]any, error) {
		choices, err := h.Svc.People.OrgChoices(r.Context(), web.ActorOf(r), auth.PermPeopleWrite)
		if err != nil {
			return nil, err
		}
		return householdFormData(hh, choices), nil
	}
}

// householdFormData is what the household form shows: the household
// (empty when new) and the villages and groups the user may write in.
func householdFormData(hh people.Household, choices []people.OrgChoice) map[string]any {
	return map[string]any{"Household": hh, "New": hh.ID == 0, "Choices": choices}
}
