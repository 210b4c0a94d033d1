package account

import (
	"net/http"

	"dangjian/internal/web"
)

// apiMe is the authenticated user and their roles.
func (h *handlers) apiMe(w http.ResponseWriter, r *http.Request) error {
	a := web.ActorOf(r)
	bindings := make([]map[string]any, 0, len(a.Bindings))
	for _, b := range a.Bindings {
		bindings = append(bindings, map[string]any{"role": b.Role, "org_id": b.OrgID})
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"id": a.UserID, "username": a.Username, "name": a.Name,
		"lang": a.Lang, "roles": bindings})
	return nil
}
