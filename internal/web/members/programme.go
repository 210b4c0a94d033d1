// Package members is the party roster on the web: members and their
// records, the development pipeline, 三培养, the development report and
// the roster's Excel template, import and export.
package members

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
		Name:      "members",
		Templates: templates,
		Routes:    h.routes(),
		Home:      h.home,
		APIDocs:   apiDocs,
		Nav: []web.NavItem{
			{Section: web.SectionMembers, Href: "/members", Label: "nav.roster", Perm: auth.PermMemberRead},
			{Section: web.SectionMembers, Href: "/members/board", Label: "nav.pipeline_board", Perm: auth.PermMemberRead},
			{Section: web.SectionMembers, Href: "/members/cultivation", Label: "nav.cultivation", Perm: auth.PermMemberRead},
			{Section: web.SectionMembers, Href: "/members/report", Label: "nav.member_report", Perm: auth.PermMemberRead},
			{Section: web.SectionMembers, Href: "/members/import", Label: "nav.roster_import", Perm: auth.PermMemberWrite},
		},
		OrgPanels: []web.OrgPanel{{Template: "org_members", Load: h.memberOrgExtra}},
		Perms:     []auth.Perm{auth.PermMemberRead, auth.PermMemberWrite},
	}
}
