package web

import (
	"net/http"

	"dangjian/internal/org"
)

// memberRoutes are the roster, pipeline, 三培养, Excel import and export,
// and member self-service.
func (s *Server) memberRoutes() []route { return nil }

var memberAPIDocs = map[string]apiDoc{}

// memberOrgExtra adds member counts to an organisation's page.
func (s *Server) memberOrgExtra(r *http.Request, o org.Org, data map[string]any) error { return nil }
