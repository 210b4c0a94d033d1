// Package democracy is village democracy on the web: 四议两公开 matters,
// the 村民代表 roster, 五公开 items with review and the overdue board,
// villagers' feedback, and the public portal (no login) with its open
// data, printable notices and the verification of their codes.
package democracy

import (
	"embed"
	"html/template"

	"dangjian/internal/auth"
	"dangjian/internal/money"
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
		Name:      "democracy",
		Templates: templates,
		Routes:    h.routes(),
		Home:      h.home,
		APIDocs:   apiDocs,
		Funcs:     template.FuncMap{"yuan": func(fen int64) string { return money.Fen(fen).String() }},
		Nav: []web.NavItem{
			{Section: web.SectionMechanisms, Href: "/matters", Label: "nav.matters", Perm: auth.PermDemocracyRead},
			{Section: web.SectionMechanisms, Href: "/disclosures", Label: "nav.disclosures", Perm: auth.PermDemocracyRead},
			{Section: web.SectionMechanisms, Href: "/disclosure-overdue", Label: "nav.disclosure_late", Perm: auth.PermDemocracyRead},
			{Section: web.SectionMechanisms, Href: "/representatives", Label: "nav.representatives", Perm: auth.PermDemocracyRead},
			{Section: web.SectionMechanisms, Href: "/projects", Label: "nav.projects", Perm: auth.PermDemocracyRead},
			{Section: web.SectionMechanisms, Href: "/feedback", Label: "nav.feedback", Perm: auth.PermDemocracyRead},
			{Section: web.SectionMechanisms, Href: "/democracy-rules", Label: "nav.democracy_rules", Perm: auth.PermDemocracyRules},
			{Section: web.SectionMechanisms, Href: "/portal/", Label: "nav.portal", Perm: auth.PermDemocracyRead},
		},
		Perms: []auth.Perm{auth.PermDemocracyRead, auth.PermDemocracyWrite, auth.PermDemocracyReview, auth.PermDemocracyRules},
	}
}
