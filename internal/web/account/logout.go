package account

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) logout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(web.SessionCookie); err == nil {
		if err := h.Svc.Auth.Logout(r.Context(), c.Value); err != nil {
			return err
		}
	}
	h.clearSession(w, r)
	return h.Redirect(w, r, "/login", "flash.logged_out")
}

func (h *handlers) clearSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: web.SessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: h.Secure(r)})
}
