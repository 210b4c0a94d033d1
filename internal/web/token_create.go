package web

import "net/http"

// tokenCreate issues an API token and shows it once.
func (s *Server) tokenCreate(w http.ResponseWriter, r *http.Request) error {
	token, err := s.svc.Auth.CreateAPIToken(r.Context(), actorOf(r), r.PostFormValue("name"))
	data, derr := s.accountData(r, token)
	if derr != nil {
		return derr
	}
	return s.renderForm(w, r, "account", data, err)
}
