package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// signerBody designates a village's signer.
type signerBody struct {
	OrgID  int64 `json:"org_id"`
	UserID int64 `json:"user_id"`
}

func (h *handlers) apiSignerSet(w http.ResponseWriter, r *http.Request) error {
	var body signerBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	sg, err := h.Svc.Finance.SetSigner(r.Context(), web.ActorOf(r), body.OrgID, body.UserID)
	return writeJSON(w, http.StatusOK, sg, err)
}
