package account

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) tokenRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.Svc.Auth.RevokeAPIToken(r.Context(), web.ActorOf(r), id); err != nil {
		return err
	}
	return h.Redirect(w, r, "/account", "flash.token_revoked")
}
