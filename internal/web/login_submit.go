package web

import (
	"net/http"
	"strings"
)

func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) error {
	next := safeNext(r.PostFormValue("next"))
	token, err := s.svc.Auth.Login(r.Context(), strings.TrimSpace(strings.ToLower(r.PostFormValue("username"))),
		r.PostFormValue("password"), s.clientAddr(r))
	if err != nil {
		return s.renderForm(w, r, "login", map[string]any{"Next": next}, asFormError(err))
	}
	// On a shared PC the previous person's session ends with the new login.
	if old, err := r.Cookie(sessionCookie); err == nil && old.Value != "" {
		if err := s.svc.Auth.Logout(r.Context(), old.Value); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}
