package web

import "net/http"

func (s *Server) apiPostShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, history, err := s.svc.Org.History(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"post": p, "history": history})
	return nil
}
