package web

import "net/http"

// access says who may reach a route before its use case checks scope.
type access int

const (
	public  access = iota // anyone, logged in or not
	user                  // a logged-in person (session cookie)
	apiUser               // /api/v1: a bearer token or a session cookie
)

// route is one entry of the routing table. The table is data so tests can
// walk every route with every role.
type route struct {
	Method  string
	Pattern string
	Access  access
	Handle  func(w http.ResponseWriter, r *http.Request) error
}

// routeTable lists every route of the application. Programme packages add
// their routes through their own routes_*.go file's function.
func (s *Server) routeTable() []route {
	rs := []route{
		{"GET", "/{$}", public, s.home},
		{"GET", "/healthz", public, s.healthz},
		{"GET", "/static/{file...}", public, s.static},
		{"GET", "/login", public, s.loginShow},
		{"POST", "/login", public, s.loginSubmit},
		{"POST", "/logout", user, s.logout},
		{"POST", "/logout/all", user, s.logoutEverywhere},
		{"GET", "/lang/{lang}", public, s.langSwitch},
		{"GET", "/account", user, s.accountShow},
		{"POST", "/account/tokens", user, s.tokenCreate},
		{"POST", "/account/tokens/{id}/revoke", user, s.tokenRevoke},
		{"POST", "/account/password", user, s.passwordChange},
		{"GET", "/audit", user, s.auditList},

		{"GET", "/api/v1/openapi.json", public, s.apiOpenAPI},
		{"GET", "/api/v1/me", apiUser, s.apiMe},
		{"GET", "/api/v1/audit", apiUser, s.apiAuditList},
	}
	rs = append(rs, s.orgRoutes()...)
	rs = append(rs, s.peopleRoutes()...)
	rs = append(rs, s.memberRoutes()...)
	rs = append(rs, s.meetingRoutes()...)
	return rs
}

// Routes exposes the table to tests.
func (s *Server) Routes() []route { return s.routes }

// orgExtras lists what each programme adds to an organisation's page.
func (s *Server) orgExtras() []orgExtra {
	return []orgExtra{s.weakOrgExtra, s.peopleOrgExtra, s.memberOrgExtra}
}
