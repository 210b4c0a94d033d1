// Package appraisal is 双述双评 on the web: a village's yearly round with
// its cadres' reports, the counted ballot totals of each rater group,
// the scores, ranks and grades, each cadre's own page with their years,
// and the county's printable form.
package appraisal

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
		Name:      "appraisal",
		Templates: templates,
		Routes:    h.routes(),
		APIDocs:   apiDocs,
		Nav: []web.NavItem{
			{Section: web.SectionMechanisms, Href: "/appraisals", Label: "nav.appraisals", Perm: auth.PermAppraisalRead},
		},
		Perms: []auth.Perm{auth.PermAppraisalRead, auth.PermAppraisalManage},
	}
}
