// Package orglife is the branches' organisational life on the web:
// 三会一课 and their compliance, 设岗定责, 评星授旗, 民主评议, 谏言献策,
// the care fund, and a member's own record.
package orglife

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
		Name:      "orglife",
		Templates: templates,
		Routes:    h.routes(),
		Home:      h.home,
		APIDocs:   apiDocs,
		Nav: []web.NavItem{
			{Section: web.SectionOrgLife, Href: "/overdue", Label: "nav.overdue", Perm: auth.PermMemberRead},
			{Section: web.SectionOrgLife, Href: "/meetings", Label: "nav.meetings", Perm: auth.PermMemberRead},
			{Section: web.SectionOrgLife, Href: "/compliance", Label: "nav.compliance", Perm: auth.PermMemberRead},
			{Section: web.SectionOrgLife, Href: "/duties", Label: "nav.duties", Perm: auth.PermMemberRead},
			{Section: web.SectionOrgLife, Href: "/stars", Label: "nav.stars", Perm: auth.PermMemberRead},
			{Section: web.SectionOrgLife, Href: "/evaluations", Label: "nav.evaluations", Perm: auth.PermMemberRead},
			{Section: web.SectionOrgLife, Href: "/suggestions", Label: "nav.suggestions", Perm: auth.PermMemberRead},
			{Section: web.SectionOrgLife, Href: "/fund", Label: "nav.fund", Perm: auth.PermMemberRead},
			{Section: web.SectionMembers, Href: "/me", Label: "nav.me", Show: func(a *auth.Actor) bool { return a.HasRole(auth.RoleMember) }},
		},
		Perms: []auth.Perm{auth.PermMemberManage},
	}
}
