package web

import (
	"net/http"

	"dangjian/internal/org"
)

// orgRoutes are the organisation tree, posts and their holders.
func (s *Server) orgRoutes() []route {
	return []route{
		{"GET", "/orgs", user, s.orgList},
		{"GET", "/orgs/{id}", user, s.orgShow},
		{"POST", "/orgs/{id}/children", user, s.orgCreate},
		{"GET", "/posts/{id}", user, s.postShow},
		{"POST", "/posts/{id}/assign", user, s.postAssign},

		{"GET", "/api/v1/orgs", apiUser, s.apiOrgList},
		{"POST", "/api/v1/orgs", apiUser, s.apiOrgCreate},
		{"GET", "/api/v1/orgs/{id}", apiUser, s.apiOrgShow},
		{"GET", "/api/v1/orgs/{id}/posts", apiUser, s.apiOrgPosts},
		{"GET", "/api/v1/posts/{id}", apiUser, s.apiPostShow},
		{"POST", "/api/v1/posts/{id}/assign", apiUser, s.apiPostAssign},
	}
}

var orgAPIDocs = map[string]apiDoc{
	"GET /api/v1/orgs": {Summary: "Organisations in the caller's scope (type: county, town, general_branch, branch, industry, activity_home)",
		Query: []string{"type", "parent_id", "town_id", "q", "after", "limit"}},
	"POST /api/v1/orgs": {Summary: "Create an organisation under a parent",
		Body: `{"parent_id": 1, "type": "branch", "name": "…", "short_name": "…", "industry_type": "specialty"}`},
	"GET /api/v1/orgs/{id}":       {Summary: "One organisation"},
	"GET /api/v1/orgs/{id}/posts": {Summary: "An organisation's posts with their current holders"},
	"GET /api/v1/posts/{id}":      {Summary: "A post with its full holder history"},
	"POST /api/v1/posts/{id}/assign": {Summary: "Give a post to a new holder; the previous term ends that day",
		Body: `{"holder_name": "…", "resident_id": 0, "started_on": "2026-01-01", "note": "…"}`},
}

// weakOrgExtra adds the 软弱涣散 flag and its rectification to an
// organisation's page.
func (s *Server) weakOrgExtra(r *http.Request, o org.Org, data map[string]any) error { return nil }
