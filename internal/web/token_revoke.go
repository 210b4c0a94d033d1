package web

import "net/http"

func (s *Server) tokenRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.svc.Auth.RevokeAPIToken(r.Context(), actorOf(r), id); err != nil {
		return err
	}
	return s.redirect(w, r, "/account", "flash.token_revoked")
}
