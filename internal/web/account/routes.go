package account

import "dangjian/internal/web"

func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Open("GET", "/login", h.loginShow),
		web.Open("POST", "/login", h.loginSubmit),
		web.Page("POST", "/logout", h.logout).Self(),
		web.Page("POST", "/logout/all", h.logoutEverywhere).Self(),
		web.Open("GET", "/lang/{lang}", h.langSwitch),
		web.Page("GET", "/account", h.accountShow).Self(),
		web.Page("POST", "/account/tokens", h.tokenCreate).Self(),
		web.Page("POST", "/account/tokens/{id}/revoke", h.tokenRevoke).Self(),
		web.Page("POST", "/account/password", h.passwordChange).Self(),
		web.API("GET", "/api/v1/me", h.apiMe).Self(),
	}
}

var apiDocs = map[string]web.APIDoc{
	"GET /api/v1/me": {Summary: "The authenticated user and their roles", Response: meJSON{}},
}
