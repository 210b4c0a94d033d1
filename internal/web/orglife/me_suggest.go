package orglife

import (
	"dangjian/internal/web"
	"net/http"
)

// meSuggest is a member's own suggestion to their branch.
func (h *handlers) meSuggest(w http.ResponseWriter, r *http.Request) error {
	_, err := h.svc.Members.SubmitOwnSuggestion(r.Context(), web.ActorOf(r), r.PostFormValue("title"), r.PostFormValue("body"))
	if err != nil {
		data, derr := h.meData(r)
		if derr != nil {
			return derr
		}
		return h.RenderForm(w, r, "me_show", data, err)
	}
	return h.Redirect(w, r, "/me", "flash.suggestion_submitted")
}
