// Package auditlog shows the change log of a user's audit scope, field
// by field, as a page and through the API.
package auditlog

import (
	"embed"
	"html/template"

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
		Name:      "auditlog",
		Templates: web.Templates(templates),
		Routes:    h.auditRoutes(),
		APIDocs:   auditAPIDocs,
		Nav: []web.NavItem{
			{Section: web.SectionMechanisms, Href: "/audit", Label: "nav.audit", Perm: auth.PermAuditRead},
		},
		OrgPanels: []web.OrgPanel{},
		Funcs:     template.FuncMap{"changes": auditChanges},
		Perms:     []auth.Perm{auth.PermAuditRead},
	}
}
