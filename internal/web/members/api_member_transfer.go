package members

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// memberTransferBody is the JSON body of a transfer to another branch.
type memberTransferBody struct {
	ToOrgID int64  `json:"to_org_id"`
	On      string `json:"on"`
	Note    string `json:"note,omitempty"`
}

func (h *handlers) apiMemberTransfer(w http.ResponseWriter, r *http.Request) error {
	var body memberTransferBody
	return h.apiMemberAction(w, r, &body, func(id int64, f apperr.Fields) (any, error) {
		in := members.TransferInput{ToOrgID: body.ToOrgID, On: jsonDay(f, "on", body.On), Note: body.Note}
		if err := f.Err(); err != nil {
			return nil, err
		}
		return h.Svc.Members.Transfer(r.Context(), web.ActorOf(r), id, in)
	})
}
