// Package survey is the 两委 credibility survey on the web: opening a
// survey, printing one-time codes as slips with QR codes, answering by
// code on a phone without an account, and the results with 甄别.
package survey

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
		Name:      "survey",
		Templates: templates,
		Routes:    h.routes(),
		APIDocs:   apiDocs,
		Nav: []web.NavItem{
			{Section: web.SectionMechanisms, Href: "/surveys", Label: "nav.surveys", Perm: auth.PermSurveyRead},
		},
		Perms: []auth.Perm{auth.PermSurveyRead, auth.PermSurveyManage},
	}
}
