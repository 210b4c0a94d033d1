package web

import "net/http"

// meSuggest is a member's own suggestion to their branch.
func (s *Server) meSuggest(w http.ResponseWriter, r *http.Request) error {
	_, err := s.svc.Members.SubmitOwnSuggestion(r.Context(), actorOf(r), r.PostFormValue("title"), r.PostFormValue("body"))
	if err != nil {
		data, derr := s.meData(r)
		if derr != nil {
			return derr
		}
		return s.renderForm(w, r, "me_show", data, err)
	}
	return s.redirect(w, r, "/me", "flash.suggestion_submitted")
}
