package prosperity

import (
	"net/http"

	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

// industryBody is an industry of a village: kind one_product (一村一品)
// or specialty (特色产业).
type industryBody struct {
	VillageID int64                   `json:"village_id"`
	Name      string                  `json:"name"`
	Kind      prosperity.IndustryKind `json:"kind"`
	Note      string                  `json:"note,omitempty"`
}

func (h *handlers) apiIndustryCreate(w http.ResponseWriter, r *http.Request) error {
	var body industryBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	x, err := h.Svc.Prosper.AddIndustry(r.Context(), web.ActorOf(r), body.VillageID, body.Name, body.Kind, body.Note)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, x)
	return nil
}
