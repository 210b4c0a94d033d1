package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// disclosureJSON is the 五公开 item a monthly disclosure was filed as.
type disclosureJSON struct {
	ItemID int64 `json:"item_id"`
}

func (h *handlers) apiDisclosureDraft(w http.ResponseWriter, r *http.Request) error {
	var body periodBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	id, err := h.Svc.Finance.DraftMonthlyDisclosure(r.Context(), web.ActorOf(r), body.OrgID, body.Period)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, disclosureJSON{ItemID: id})
	return nil
}
