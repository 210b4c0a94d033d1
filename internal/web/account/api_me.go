package account

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// meJSON is the authenticated user as the API shows it.
type meJSON struct {
	ID       int64      `json:"id"`
	Username string     `json:"username"`
	Name     string     `json:"name"`
	Lang     i18n.Lang  `json:"lang"`
	Roles    []roleJSON `json:"roles"`
}

// roleJSON is one of the user's roles and the organisation it holds at.
type roleJSON struct {
	Role  auth.Role `json:"role"`
	OrgID int64     `json:"org_id"`
}

// apiMe is the authenticated user and their roles.
func (h *handlers) apiMe(w http.ResponseWriter, r *http.Request) error {
	a := web.ActorOf(r)
	roles := make([]roleJSON, 0, len(a.Bindings))
	for _, b := range a.Bindings {
		roles = append(roles, roleJSON{Role: b.Role, OrgID: b.OrgID})
	}
	web.WriteJSON(w, http.StatusOK, meJSON{ID: a.UserID, Username: a.Username, Name: a.Name, Lang: a.Lang, Roles: roles})
	return nil
}
