package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/members"
)

// suggestionCreate records a suggestion a cadre takes down for a member.
func (s *Server) suggestionCreate(w http.ResponseWriter, r *http.Request) error {
	sg, err := s.svc.Members.SubmitSuggestion(r.Context(), actorOf(r), members.NewSuggestion{
		MemberID: queryInt(r, "member_id"), Title: r.PostFormValue("title"), Body: r.PostFormValue("body")})
	if err != nil {
		data, derr := s.suggestionData(r)
		if derr != nil {
			return derr
		}
		return s.renderForm(w, r, "suggestion_list", data, err)
	}
	return s.redirect(w, r, "/suggestions/"+strconv.FormatInt(sg.ID, 10), "flash.suggestion_submitted")
}
