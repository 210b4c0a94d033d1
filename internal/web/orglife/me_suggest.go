package orglife

import (
	"dangjian/internal/web"
	"net/http"
)

// meSuggest is a member's own suggestion to their branch.
func (h *handlers) meSuggest(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Svc.OrgLife.SubmitOwnSuggestion(r.Context(), web.ActorOf(r), r.PostFormValue("title"), r.PostFormValue("body"))
	return h.FormDone(w, r, err, "me_show", h.meData,
		"/me", "flash.suggestion_submitted")
}
