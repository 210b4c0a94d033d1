package web

import (
	"net/http"

	"dangjian/internal/auth"
)

// rosterImportForm is the upload page: where the file is for, the file,
// and a link to the template.
func (s *Server) rosterImportForm(w http.ResponseWriter, r *http.Request) error {
	data, err := s.rosterImportData(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "roster_import", data)
}

func (s *Server) rosterImportData(r *http.Request) (map[string]any, error) {
	orgs, err := s.memberOrgChoices(r, auth.PermMemberWrite)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Orgs": orgs, "OrgID": queryInt(r, "org_id")}, nil
}
