package orglife

import (
	"net/http"
	"strconv"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// suggestionCreate records a suggestion a cadre takes down for a member.
func (h *handlers) suggestionCreate(w http.ResponseWriter, r *http.Request) error {
	sg, err := h.Svc.Members.SubmitSuggestion(r.Context(), web.ActorOf(r), members.NewSuggestion{
		MemberID: web.QueryInt(r, "member_id"), Title: r.PostFormValue("title"), Body: r.PostFormValue("body")})
	return h.FormDone(w, r, err, "suggestion_list", h.suggestionData,
		"/suggestions/"+strconv.FormatInt(sg.ID, 10), "flash.suggestion_submitted")
}
