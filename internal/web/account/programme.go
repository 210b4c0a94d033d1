// Package account is logging in and out, the language switch and a
// user's own account: password, API tokens, and /api/v1/me.
package account

import (
	"embed"

	"dangjian/internal/auth"
	"dangjian/internal/services"
	"dangjian/internal/web"
)

//go:embed templates
var templates embed.FS

// handlers serve the programme's pages and API.
type handlers struct {
	*web.Kit
	svc services.Services
}

// New builds the programme for the web kit.
func New(k *web.Kit, svc services.Services) web.Programme {
	h := &handlers{Kit: k, svc: svc}
	return web.Programme{
		Name:      "account",
		Templates: web.Templates(templates),
		Routes:    h.accountRoutes(),
		APIDocs:   accountAPIDocs,
		Nav:       []web.NavItem{},
		OrgPanels: []web.OrgPanel{},
		Perms:     []auth.Perm{},
	}
}
