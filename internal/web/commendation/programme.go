// Package commendation is the commendation of outstanding members on the
// web: a general branch's year through its four steps under the quota.
package commendation

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
		Name:      "commendation",
		Templates: templates,
		Routes:    h.routes(),
		APIDocs:   apiDocs,
		Nav: []web.NavItem{
			{Section: web.SectionMechanisms, Href: "/commendations", Label: "nav.commendations", Perm: auth.PermCommendRead},
		},
		Perms: []auth.Perm{auth.PermCommendRead, auth.PermCommendManage},
	}
}
