package web

import (
	"net/http"

	"dangjian/internal/people"
)

// residentReveal shows the resident page once with the full id number.
// It is a POST so that every look is a deliberate, logged action and no
// browser history or cache keeps the number.
func (s *Server) residentReveal(w http.ResponseWriter, r *http.Request) error {
	res, number, err := s.reveal(w, r)
	if err != nil {
		return err
	}
	return s.render(w, r, "resident", map[string]any{"Resident": res, "Revealed": number})
}

// reveal asks the use case (which logs the look) for the full number of
// the path's resident and keeps the response out of every cache.
func (s *Server) reveal(w http.ResponseWriter, r *http.Request) (people.Resident, string, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return people.Resident{}, "", err
	}
	res, number, err := s.svc.People.Reveal(r.Context(), actorOf(r), id)
	if err == nil {
		w.Header().Set("Cache-Control", "no-store")
	}
	return res, number, err
}
