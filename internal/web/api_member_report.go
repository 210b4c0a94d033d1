package web

import "net/http"

func (s *Server) apiMemberReport(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.svc.Members.DevelopmentReport(r.Context(), actorOf(r), reportFilter(r))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rep)
	return nil
}
