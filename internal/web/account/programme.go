// Package account is logging in and out, the language switch and a
// user's own account: password, API tokens, and /api/v1/me.
package account

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
		Name:      "account",
		Templates: templates,
		Routes:    h.routes(),
		APIDocs:   apiDocs,
		Perms:     []auth.Perm{auth.PermUserManage},
	}
}
