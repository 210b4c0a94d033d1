// Package auditlog shows the change log of a user's audit scope, field
// by field, as a page and through the API.
package auditlog

import (
	"embed"

	"dangjian/internal/auth"
	"dangjian/internal/web"
)

//go:embed templates
var templates embed.FS

// handlers serve the programme's pages and API.
type handlers struct{ web.Handlers }

// New builds the programme for the web kit.
func New(base web.Handlers) web.Programme {
	h := &handlers{base}
	return web.Programme{
		Name:      "auditlog",
		Templates: templates,
		Routes:    h.routes(),
		APIDocs:   apiDocs,
		Nav: []web.NavItem{
			{Section: web.SectionMechanisms, Href: "/audit", Label: "nav.audit", Perm: auth.PermAuditRead},
		},
		Perms: []auth.Perm{auth.PermAuditRead},
	}
}
