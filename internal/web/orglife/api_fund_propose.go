package orglife

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// fundProposeBody is the JSON body of a grant to propose.
type fundProposeBody struct {
	MemberID  int64  `json:"member_id"`
	AmountFen int64  `json:"amount_fen"`
	Reason    string `json:"reason"`
}

func (h *handlers) apiFundPropose(w http.ResponseWriter, r *http.Request) error {
	var body fundProposeBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	g, err := h.Svc.Members.ProposeGrant(r.Context(), web.ActorOf(r), members.NewGrant{MemberID: body.MemberID,
		Amount: members.Fen(body.AmountFen), Reason: body.Reason})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, g)
	return nil
}
