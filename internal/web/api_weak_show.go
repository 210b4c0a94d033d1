package web

import "net/http"

func (s *Server) apiWeakShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	flag, err := s.svc.Org.WeakFlag(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, flag)
	return nil
}
