package web

// kitRoutes are the routes of the kit itself: the start page, health,
// static files and the API's description.
func (s *Server) kitRoutes() []Route {
	return []Route{
		Open("GET", "/{$}", s.home),
		Open("GET", "/healthz", s.healthz),
		Open("GET", "/static/{file...}", s.static),
		Open("GET", "/api/v1/openapi.json", s.apiOpenAPI),
	}
}

var kitAPIDocs = map[string]APIDoc{
	"GET /api/v1/openapi.json": {Summary: "This document", Response: map[string]any{}},
}
