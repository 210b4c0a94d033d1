package web

// kitRoutes are the routes of the kit itself: the start page, health,
// static files and the API's description.
func (s *Server) kitRoutes() []Route {
	return []Route{
		{"GET", "/{$}", Public, s.home},
		{"GET", "/healthz", Public, s.healthz},
		{"GET", "/static/{file...}", Public, s.static},
		{"GET", "/api/v1/openapi.json", Public, s.apiOpenAPI},
	}
}

var kitAPIDocs = map[string]APIDoc{
	"GET /api/v1/openapi.json": {Summary: "This document", Response: map[string]any{}},
}
