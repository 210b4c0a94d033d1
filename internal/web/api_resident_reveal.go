package web

import "net/http"

// apiResidentReveal answers the full id number; the use case logs it.
func (s *Server) apiResidentReveal(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	res, number, err := s.svc.People.Reveal(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, map[string]any{"id": res.ID, "name": res.Name, "id_number": number})
	return nil
}
