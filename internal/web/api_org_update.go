package web

import (
	"net/http"

	"dangjian/internal/org"
)

func (s *Server) apiOrgUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body struct {
		Name      string `json:"name"`
		ShortName string `json:"short_name"`
		SortOrder int    `json:"sort_order"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	o, err := s.svc.Org.Update(r.Context(), actorOf(r), org.OrgEdit{ID: id, Name: body.Name,
		ShortName: body.ShortName, SortOrder: body.SortOrder})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, o)
	return nil
}
