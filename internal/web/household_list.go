package web

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
)

// householdList is the household register with one search box (a name,
// a code, or an 18-character id number) and a village/group filter.
func (s *Server) householdList(w http.ResponseWriter, r *http.Request) error {
	a := actorOf(r)
	f := householdFilter(r)
	if f.Limit == 0 {
		f.Limit = 50
	}
	hs, err := s.svc.People.ListHouseholds(r.Context(), a, f)
	if err != nil && apperr.KindOf(err) != apperr.KindInvalid {
		return err
	}
	choices, cerr := s.svc.People.OrgChoices(r.Context(), a, auth.PermPeopleRead)
	if cerr != nil {
		return cerr
	}
	data := map[string]any{"Households": hs, "Filter": f, "Choices": choices}
	if len(hs) == f.Limit {
		data["Next"] = nextURL(r, hs[len(hs)-1].ID)
	}
	if err != nil {
		return s.renderForm(w, r, "households", data, err)
	}
	return s.render(w, r, "households", data)
}
