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
	_, err = h.Svc.OrgLife.ReplySuggestion(r.Context(), web.ActorOf(r), id, r.PostFormValue("reply"))
	return h.FormDone(w, r, err, "suggestion_show", h.suggestionShowData,
		"/suggestions/"+strconv.FormatInt(id, 10), "flash.suggestion_replied")
}
