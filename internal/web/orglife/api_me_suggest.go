package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

// meSuggestBody is the JSON body of one's own suggestion.
type meSuggestBody struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

func (h *handlers) apiMeSuggest(w http.ResponseWriter, r *http.Request) error {
	var body meSuggestBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	sg, err := h.Svc.Members.SubmitOwnSuggestion(r.Context(), web.ActorOf(r), body.Title, body.Body)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, sg)
	return nil
}
