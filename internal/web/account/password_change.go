package account

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

// passwordChange lets users change their own password after proving the
// old one; every session ends, so they log in again.
func (h *handlers) passwordChange(w http.ResponseWriter, r *http.Request) error {
	a := web.ActorOf(r)
	data, err := h.accountData(r, "")
	if err != nil {
		return err
	}
	if r.PostFormValue("new_password") != r.PostFormValue("new_password2") {
		return h.RenderForm(w, r, "account", data, apperr.Invalid("new_password2", "user.password_mismatch", nil))
	}
	if _, err := h.Svc.Auth.Login(r.Context(), a.Username, r.PostFormValue("old_password"), h.ClientAddr(r)); err != nil {
		return h.RenderForm(w, r, "account", data, apperr.Invalid("old_password", "user.password_wrong", nil))
	}
	if err := h.Svc.Auth.SetPassword(r.Context(), a, a.Username, r.PostFormValue("new_password")); err != nil {
		return h.RenderForm(w, r, "account", data, err)
	}
	h.clearSession(w, r)
	return h.Redirect(w, r, "/login", "flash.password_changed")
}
