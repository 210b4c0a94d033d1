package orglife

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// suggestionCreateBody is the JSON body of a suggestion recorded for a member.
type suggestionCreateBody struct {
	MemberID int64  `json:"member_id"`
	Title    string `json:"title"`
	Body     string `json:"body"`
}

func (h *handlers) apiSuggestionCreate(w http.ResponseWriter, r *http.Request) error {
	var body suggestionCreateBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	sg, err := h.Svc.Members.SubmitSuggestion(r.Context(), web.ActorOf(r), members.NewSuggestion{MemberID: body.MemberID,
		Title: body.Title, Body: body.Body})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, sg)
	return nil
}
