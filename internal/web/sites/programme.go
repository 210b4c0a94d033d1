// Package sites is the activity sites programme on the web (阵地建设):
// the site projects of a town or village, one site's budget, payments and
// milestones, the county subsidy reconciliation (Excel, A4 print) and the
// town's progress.
package sites

import (
	"embed"

	"dangjian/internal/auth"
	"dangjian/internal/web"
)

//go:embed templates
var templates embed.FS

type handlers struct{ web.Handlers }

// works reports whether the user records on sites anywhere: the menu is
// theirs.
func works(a *auth.Actor) bool { return a.Can(auth.PermSitesWrite) || a.Can(auth.PermSitesManage) }

// New builds the programme for the web kit.
func New(base web.Handlers) web.Programme {
	h := &handlers{base}
	return web.Programme{
		Name:      "sites",
		Templates: templates,
		Routes:    h.routes(),
		APIDocs:   apiDocs,
		Home:      h.home,
		Nav: []web.NavItem{
			{Section: web.SectionSites, Href: "/sites", Label: "nav.sites", Show: works},
			{Section: web.SectionSites, Href: "/site-reconciliation", Label: "nav.site_recon", Perm: auth.PermSitesManage},
			{Section: web.SectionSites, Href: "/site-progress", Label: "nav.site_progress", Perm: auth.PermSitesManage},
		},
		Perms: []auth.Perm{auth.PermSitesWrite, auth.PermSitesManage},
	}
}
