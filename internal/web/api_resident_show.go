package web

import "net/http"

func (s *Server) apiResidentShow(w http.ResponseWriter, r *http.Request) error {
	res, err := s.residentOf(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}
