package web

import (
	"net/http"

	"dangjian/internal/org"
)

func (s *Server) apiOrgWeak(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	flags, err := s.svc.Org.WeakFlagsOf(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	if flags == nil {
		flags = []org.WeakFlag{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": flags})
	return nil
}
