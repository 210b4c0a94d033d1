package orglife

import (
	"net/http"
	"strconv"

	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// suggestionCreate records a suggestion a cadre takes down for a member.
func (h *handlers) suggestionCreate(w http.ResponseWriter, r *http.Request) error {
	sg, err := h.Svc.OrgLife.SubmitSuggestion(r.Context(), web.ActorOf(r), orglife.NewSuggestion{
		MemberID: web.QueryInt(r, "member_id"), Title: r.PostFormValue("title"), Body: r.PostFormValue("body")})
	return h.FormDone(w, r, err, "suggestion_list", h.suggestionData,
		"/suggestions/"+strconv.FormatInt(sg.ID, 10), "flash.suggestion_submitted")
}
