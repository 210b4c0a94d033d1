package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiMeSuggest(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		Title string `json:"title"`
		Body  string `json:"body"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	sg, err := h.Svc.OrgLife.SubmitOwnSuggestion(r.Context(), web.ActorOf(r), body.Title, body.Body)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, sg)
	return nil
}
