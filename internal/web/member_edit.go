package web

import (
	"net/http"

	"dangjian/internal/members"
)

// memberEdit is the form correcting a member's details.
func (s *Server) memberEdit(w http.ResponseWriter, r *http.Request) error {
	data, err := s.memberEditData(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "member_edit", data)
}

func (s *Server) memberEditData(r *http.Request) (map[string]any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	m, err := s.svc.Members.Get(r.Context(), actorOf(r), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"M": m, "Categories": members.Categories}, nil
}
