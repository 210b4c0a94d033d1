package account

import (
	"dangjian/internal/web"
	"net/http"
	"strings"
)

func (h *handlers) loginSubmit(w http.ResponseWriter, r *http.Request) error {
	next := safeNext(r.PostFormValue("next"))
	token, err := h.Svc.Auth.Login(r.Context(), strings.TrimSpace(strings.ToLower(r.PostFormValue("username"))),
		r.PostFormValue("password"), h.ClientAddr(r))
	if err != nil {
		return h.RenderForm(w, r, "login", map[string]any{"Next": next}, asFormError(err))
	}
	// On a shared PC the previous person's session ends with the new login.
	if old, err := r.Cookie(web.SessionCookie); err == nil && old.Value != "" {
		if err := h.Svc.Auth.Logout(r.Context(), old.Value); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: web.SessionCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: h.Secure(r)})
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}
