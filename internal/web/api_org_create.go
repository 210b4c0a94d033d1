package web

import (
	"net/http"

	"dangjian/internal/org"
)

func (s *Server) apiOrgCreate(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		ParentID     int64  `json:"parent_id"`
		Type         string `json:"type"`
		IndustryType string `json:"industry_type"`
		Name         string `json:"name"`
		ShortName    string `json:"short_name"`
		SortOrder    int    `json:"sort_order"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	o, err := s.svc.Org.Create(r.Context(), actorOf(r), org.NewOrg{ParentID: body.ParentID, Type: org.Type(body.Type),
		IndustryType: org.IndustryType(body.IndustryType), Name: body.Name, ShortName: body.ShortName, SortOrder: body.SortOrder})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, o)
	return nil
}
