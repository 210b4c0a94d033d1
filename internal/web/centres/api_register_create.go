package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// registerCreateBody puts a resident on a register; first_due defaults to
// visit_days from today.
type registerCreateBody struct {
	OrgID      int64  `json:"org_id"`
	ResidentID int64  `json:"resident_id"`
	Category   string `json:"category"`
	Since      string `json:"since"`
	VisitDays  int    `json:"visit_days"`
	FirstDue   string `json:"first_due,omitempty"`
	Note       string `json:"note,omitempty"`
}

func (h *handlers) apiRegisterCreate(w http.ResponseWriter, r *http.Request) error {
	reg, err := registerParam(r)
	if err != nil {
		return err
	}
	var b registerCreateBody
	if err := web.DecodeJSON(r, &b); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := centres.NewEntry{OrgID: b.OrgID, Register: reg, ResidentID: b.ResidentID, Category: b.Category,
		Since: jsonDay(f, "since", b.Since), VisitDays: b.VisitDays, FirstDue: jsonDay(f, "first_due", b.FirstDue), Note: b.Note}
	if err := f.Err(); err != nil {
		return err
	}
	e, err := h.Svc.Centres.AddEntry(r.Context(), web.ActorOf(r), in)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, e)
	return nil
}
