package prosperity

import (
	"net/http"

	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

// attachmentBody is what an industry party organisation is set up in:
// kind enterprise, mine, project or cooperative, its name, and the
// cooperative when it is one of the town's.
type attachmentBody struct {
	OrgID         int64                   `json:"org_id"`
	Kind          prosperity.AttachedKind `json:"kind"`
	Name          string                  `json:"name"`
	CooperativeID int64                   `json:"cooperative_id,omitempty"`
}

func (h *handlers) apiAttachmentSet(w http.ResponseWriter, r *http.Request) error {
	var body attachmentBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	x, err := h.Svc.Prosper.Attach(r.Context(), web.ActorOf(r), body.OrgID, body.Kind, body.Name, body.CooperativeID)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, x)
	return nil
}
