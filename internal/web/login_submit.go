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
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}
