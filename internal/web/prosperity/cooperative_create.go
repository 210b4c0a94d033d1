package prosperity

import (
	"net/http"
	"strconv"

	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

// cooperativeCreate registers a cooperative in one of the village's
// industries, led by a branch of the village.
func (h *handlers) cooperativeCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	c, err := h.Svc.Prosper.AddCooperative(r.Context(), web.ActorOf(r), prosperity.NewCooperative{IndustryID: id,
		BranchID: web.QueryInt(r, "branch_id"), Name: r.PostFormValue("name")})
	return h.FormDone(w, r, err, "industry_show", h.industryData, "/cooperatives/"+strconv.FormatInt(c.ID, 10), "flash.cooperative_added")
}
