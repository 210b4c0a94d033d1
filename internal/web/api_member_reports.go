package web

import (
	"net/http"

	"dangjian/internal/auth"
)

func (s *Server) apiMemberBoard(w http.ResponseWriter, r *http.Request) error {
	a := actorOf(r)
	orgID := queryInt(r, "org_id")
	if orgID == 0 {
		orgID = homeOrg(a, auth.PermMemberRead)
	}
	b, err := s.svc.Members.Board(r.Context(), a, orgID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, b)
	return nil
}

func (s *Server) apiMemberCultivation(w http.ResponseWriter, r *http.Request) error {
	a := actorOf(r)
	orgID := queryInt(r, "org_id")
	if orgID == 0 {
		orgID = homeOrg(a, auth.PermMemberRead)
	}
	rows, total, err := s.svc.Members.Cultivation(r.Context(), a, orgID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": rows, "total": total})
	return nil
}
