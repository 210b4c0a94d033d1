package web

import "net/http"

func (s *Server) accountShow(w http.ResponseWriter, r *http.Request) error {
	data, err := s.accountData(r, "")
	if err != nil {
		return err
	}
	return s.render(w, r, "account", data)
}

func (s *Server) accountData(r *http.Request, newToken string) (map[string]any, error) {
	tokens, err := s.svc.Auth.ListAPITokens(r.Context(), actorOf(r))
	return map[string]any{"Tokens": tokens, "NewToken": newToken}, err
}
