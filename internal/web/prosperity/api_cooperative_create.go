package prosperity

import (
	"net/http"

	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

// cooperativeBody is a cooperative of the industry and the branch that
// leads it (a group branch or an industry party organisation).
type cooperativeBody struct {
	BranchID int64  `json:"branch_id,omitempty"`
	Name     string `json:"name"`
}

func (h *handlers) apiCooperativeCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body cooperativeBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	c, err := h.Svc.Prosper.AddCooperative(r.Context(), web.ActorOf(r), prosperity.NewCooperative{IndustryID: id,
		BranchID: body.BranchID, Name: body.Name})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, c)
	return nil
}
