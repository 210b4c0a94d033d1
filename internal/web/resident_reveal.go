package web

import "net/http"

// residentReveal shows the resident page once with the full id number.
// It is a POST so that every look is a deliberate, logged action and no
// browser history or cache keeps the number.
func (s *Server) residentReveal(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	res, number, err := s.svc.People.Reveal(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return s.render(w, r, "resident", map[string]any{"Resident": res, "Revealed": number})
}
