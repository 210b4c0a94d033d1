// Package people is the household and resident registry on the web:
// lists, forms, and the full id number shown only on request and logged.
package people

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
		Name:      "people",
		Templates: templates,
		Routes:    h.routes(),
		APIDocs:   apiDocs,
		Nav: []web.NavItem{
			{Section: web.SectionRegistry, Href: "/households", Label: "nav.households", Perm: auth.PermPeopleRead},
			{Section: web.SectionRegistry, Href: "/residents", Label: "nav.residents", Perm: auth.PermPeopleRead},
		},
		OrgPanels: []web.OrgPanel{{Template: "org_people", Load: h.peopleOrgExtra}},
		Perms:     []auth.Perm{auth.PermPeopleRead, auth.PermPeopleWrite, auth.PermPeopleReveal},
	}
}
