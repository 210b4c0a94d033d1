package web

import (
	"net/http"
	"strconv"
)

func (s *Server) suggestionReply(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.svc.Members.ReplySuggestion(r.Context(), actorOf(r), id, r.PostFormValue("reply")); err != nil {
		data, derr := s.suggestionShowData(r)
		if derr != nil {
			return derr
		}
		return s.renderForm(w, r, "suggestion_show", data, err)
	}
	return s.redirect(w, r, "/suggestions/"+strconv.FormatInt(id, 10), "flash.suggestion_replied")
}
