package account

import (
	"dangjian/internal/web"
	"net/http"
)

// logoutEverywhere ends the user's sessions on every device, for a lost
// phone or a shared office PC.
func (h *handlers) logoutEverywhere(w http.ResponseWriter, r *http.Request) error {
	if err := h.Svc.Auth.LogoutEverywhere(r.Context(), web.ActorOf(r)); err != nil {
		return err
	}
	h.clearSession(w, r)
	return h.Redirect(w, r, "/login", "flash.logged_out_everywhere")
}
