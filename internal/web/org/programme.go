// Package org is the organisation tree on the web: organisations, posts
// and their holders, 软弱涣散 rectification, 两委 and the secretaries.
package org

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
		Name:      "org",
		Templates: templates,
		Routes:    h.routes(),
		Home:      h.home,
		APIDocs:   apiDocs,
		Nav: []web.NavItem{
			{Section: web.SectionRegistry, Href: "/orgs?type=town", Label: "nav.org_tree", Perm: auth.PermOrgRead},
			{Section: web.SectionRegistry, Href: "/orgs?type=general_branch", Label: "nav.villages", Perm: auth.PermOrgRead},
			{Section: web.SectionRegistry, Href: "/orgs?type=branch", Label: "nav.branches", Perm: auth.PermOrgRead},
			{Section: web.SectionSites, Href: "/orgs?type=activity_home", Label: "nav.activity_homes", Perm: auth.PermOrgRead},
			{Section: web.SectionProsperity, Href: "/orgs?type=industry", Label: "nav.industry_orgs", Perm: auth.PermOrgRead},
			{Section: web.SectionMembers, Href: "/secretaries", Label: "nav.secretaries", Perm: auth.PermOrgRead},
			{Section: web.SectionMechanisms, Href: "/weak", Label: "nav.weak", Perm: auth.PermOrgRead},
			{Section: web.SectionMechanisms, Href: "/committees", Label: "nav.committees", Perm: auth.PermOrgRead},
		},
		Perms: []auth.Perm{auth.PermOrgRead, auth.PermOrgManage, auth.PermOrgPosts},
	}
}
