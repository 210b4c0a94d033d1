package orglife

import (
	"net/http"
	"strconv"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// suggestionCreate records a suggestion a cadre takes down for a member.
func (h *handlers) suggestionCreate(w http.ResponseWriter, r *http.Request) error {
	sg, err := h.svc.Members.SubmitSuggestion(r.Context(), web.ActorOf(r), members.NewSuggestion{
		MemberID: web.QueryInt(r, "member_id"), Title: r.PostFormValue("title"), Body: r.PostFormValue("body")})
	if err != nil {
		data, derr := h.suggestionData(r)
		if derr != nil {
			return derr
		}
		return h.RenderForm(w, r, "suggestion_list", data, err)
	}
	return h.Redirect(w, r, "/suggestions/"+strconv.FormatInt(sg.ID, 10), "flash.suggestion_submitted")
}
