// Package prosperity is the prosperity programme on the web (致富工程):
// trainings with their sessions, attendance and completion, the two
// coverage targets with who is still missing, and each village's
// industries and cooperatives drawn as the 支部+产业+专业合作组织+农户
// picture (SVG, printable).
package prosperity

import (
	"embed"
	"html/template"

	"dangjian/internal/auth"
	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

//go:embed templates
var templates embed.FS

type handlers struct{ web.Handlers }

// New builds the programme for the web kit.
func New(base web.Handlers) web.Programme {
	h := &handlers{base}
	return web.Programme{
		Name:      "prosperity",
		Templates: templates,
		Routes:    h.routes(),
		APIDocs:   apiDocs,
		Home:      h.home,
		Nav: []web.NavItem{
			{Section: web.SectionProsperity, Href: "/trainings", Label: "nav.trainings", Perm: auth.PermProsperity},
			{Section: web.SectionProsperity, Href: "/coverage", Label: "nav.coverage", Perm: auth.PermProsperity},
			{Section: web.SectionProsperity, Href: "/industries", Label: "nav.industries", Perm: auth.PermProsperity},
		},
		Funcs: template.FuncMap{
			"percentOf": prosperity.Percent,
			"minus":     func(a, b int) int { return a - b },
		},
		Perms: []auth.Perm{auth.PermProsperity},
	}
}
