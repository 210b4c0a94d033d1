package web

import (
	"net/http"

	"dangjian/internal/people"
)

// householdShow is a household with its members and the add-member form.
func (s *Server) householdShow(w http.ResponseWriter, r *http.Request) error {
	data, err := s.householdPageData(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "household", data)
}

func (s *Server) householdPageData(r *http.Request) (map[string]any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	h, residents, err := s.svc.People.GetHousehold(r.Context(), actorOf(r), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Household": h, "Residents": residents, "Relations": people.Relations}, nil
}
