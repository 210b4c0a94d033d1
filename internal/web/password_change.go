package web

import (
	"net/http"

	"dangjian/internal/apperr"
)

// passwordChange lets users change their own password after proving the
// old one; every session ends, so they log in again.
func (s *Server) passwordChange(w http.ResponseWriter, r *http.Request) error {
	a := actorOf(r)
	data, err := s.accountData(r, "")
	if err != nil {
		return err
	}
	if r.PostFormValue("new_password") != r.PostFormValue("new_password2") {
		return s.renderForm(w, r, "account", data, apperr.Invalid("new_password2", "user.password_mismatch", nil))
	}
	if _, err := s.svc.Auth.Login(r.Context(), a.Username, r.PostFormValue("old_password"), s.clientAddr(r)); err != nil {
		return s.renderForm(w, r, "account", data, apperr.Invalid("old_password", "user.password_wrong", nil))
	}
	if err := s.svc.Auth.SetPassword(r.Context(), a, a.Username, r.PostFormValue("new_password")); err != nil {
		return s.renderForm(w, r, "account", data, err)
	}
	s.clearSession(w, r)
	return s.redirect(w, r, "/login", "flash.password_changed")
}
