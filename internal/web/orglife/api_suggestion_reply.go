package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

// suggestionReplyBody is the JSON body of a branch's reply.
type suggestionReplyBody struct {
	Reply string `json:"reply"`
}

func (h *handlers) apiSuggestionReply(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body suggestionReplyBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	sg, err := h.Svc.Members.ReplySuggestion(r.Context(), web.ActorOf(r), id, body.Reply)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, sg)
	return nil
}
