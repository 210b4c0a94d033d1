package web

import "net/http"

// logoutEverywhere ends the user's sessions on every device, for a lost
// phone or a shared office PC.
func (s *Server) logoutEverywhere(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.Auth.LogoutEverywhere(r.Context(), actorOf(r)); err != nil {
		return err
	}
	s.clearSession(w, r)
	return s.redirect(w, r, "/login", "flash.logged_out_everywhere")
}
