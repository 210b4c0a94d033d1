package survey

import (
	"net/http"

	"dangjian/internal/survey"
	"dangjian/internal/web"
)

// codeIssueBody asks for codes for one group.
type codeIssueBody struct {
	Group survey.Group `json:"group"`
	Count int          `json:"count"`
}

func (h *handlers) apiCodeIssue(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body codeIssueBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	is, err := h.Svc.Survey.IssueCodes(r.Context(), web.ActorOf(r), id, body.Group, body.Count)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	web.WriteJSON(w, http.StatusCreated, is)
	return nil
}
