package web

import (
	"net/http"

	"dangjian/internal/org"
)

// peopleRoutes are households and residents.
func (s *Server) peopleRoutes() []route { return nil }

var peopleAPIDocs = map[string]apiDoc{}

// peopleOrgExtra adds household and resident counts to a village page.
func (s *Server) peopleOrgExtra(r *http.Request, o org.Org, data map[string]any) error { return nil }
