package web

import (
	"net/http"

	"dangjian/internal/people"
)

// residentShow is one resident with the id number masked.
func (s *Server) residentShow(w http.ResponseWriter, r *http.Request) error {
	res, err := s.residentOf(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "resident", map[string]any{"Resident": res})
}

// residentOf loads the resident named by the path's id for the viewer.
func (s *Server) residentOf(r *http.Request) (people.Resident, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return people.Resident{}, err
	}
	return s.svc.People.GetResident(r.Context(), actorOf(r), id)
}
