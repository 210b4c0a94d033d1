package orglife

import (
	"dangjian/internal/web"
	"net/http"
	"strconv"
)

func (h *handlers) suggestionReply(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := h.svc.Members.ReplySuggestion(r.Context(), web.ActorOf(r), id, r.PostFormValue("reply")); err != nil {
		data, derr := h.suggestionShowData(r)
		if derr != nil {
			return derr
		}
		return h.RenderForm(w, r, "suggestion_show", data, err)
	}
	return h.Redirect(w, r, "/suggestions/"+strconv.FormatInt(id, 10), "flash.suggestion_replied")
}
