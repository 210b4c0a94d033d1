package web

import (
	"net/http"

	"dangjian/internal/org"
)

func (s *Server) apiOrgPosts(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	posts, err := s.svc.Org.Posts(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	if posts == nil {
		posts = []org.Post{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": posts})
	return nil
}
