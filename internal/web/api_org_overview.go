package web

import (
	"net/http"

	"dangjian/internal/org"
)

func (s *Server) apiOrgOverview(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rows, err := s.svc.Org.TownOverview(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": rows, "totals": org.Totals(rows)})
	return nil
}
