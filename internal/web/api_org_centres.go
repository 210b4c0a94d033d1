package web

import "net/http"

func (s *Server) apiOrgCentres(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	centres, err := s.svc.Org.Centres(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": centres})
	return nil
}
