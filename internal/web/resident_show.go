package web

import "net/http"

// residentShow is one resident with the id number masked.
func (s *Server) residentShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	res, err := s.svc.People.GetResident(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	return s.render(w, r, "resident", map[string]any{"Resident": res})
}
