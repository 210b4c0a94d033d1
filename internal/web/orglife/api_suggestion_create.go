package orglife

import (
	"net/http"

	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

func (h *handlers) apiSuggestionCreate(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		MemberID int64  `json:"member_id"`
		Title    string `json:"title"`
		Body     string `json:"body"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	sg, err := h.Svc.OrgLife.SubmitSuggestion(r.Context(), web.ActorOf(r), orglife.NewSuggestion{MemberID: body.MemberID,
		Title: body.Title, Body: body.Body})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, sg)
	return nil
}
