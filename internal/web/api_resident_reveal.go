package web

import "net/http"

// apiResidentReveal answers the full id number; the use case logs it.
func (s *Server) apiResidentReveal(w http.ResponseWriter, r *http.Request) error {
	res, number, err := s.reveal(w, r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": res.ID, "name": res.Name, "id_number": number})
	return nil
}
