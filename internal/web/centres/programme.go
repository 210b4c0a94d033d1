// Package centres is the five village centres on the web: the centre
// pages and the town's table of all of them, 民事调解中心's cases,
// 民情信息, 接待日 and 村企信息共享, the key and vulnerable group
// registers with their visits, and 民事代办 with its public portal
// (filing and tracking by code without an account).
package centres

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
		Name:      "centres",
		Templates: templates,
		Routes:    h.routes(),
		Home:      h.home,
		APIDocs:   apiDocs,
		Nav: []web.NavItem{
			{Section: web.SectionCentres, Href: "/centres", Label: "nav.centres", Perm: auth.PermOrgRead},
			{Section: web.SectionCentres, Href: "/cases", Label: "nav.cases", Perm: auth.PermCentresRead},
			{Section: web.SectionCentres, Href: "/minqing", Label: "nav.minqing", Perm: auth.PermCentresRead},
			{Section: web.SectionCentres, Href: "/registers/key", Label: "nav.register_key", Perm: auth.PermCentresSensitive},
			{Section: web.SectionCentres, Href: "/registers/vulnerable", Label: "nav.register_vulnerable", Perm: auth.PermCentresSensitive},
			{Section: web.SectionCentres, Href: "/requests", Label: "nav.requests", Perm: auth.PermCentresRead},
		},
		Perms: []auth.Perm{auth.PermCentresRead, auth.PermCentresWrite, auth.PermCentresSensitive},
	}
}
