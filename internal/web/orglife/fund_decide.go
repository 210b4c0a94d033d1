package orglife

import (
	"dangjian/internal/web"
	"net/http"
	"strconv"
)

// fundDecide approves (decision=approve) or rejects a proposed grant.
func (h *handlers) fundDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	approve := r.PostFormValue("decision") == "approve"
	g, err := h.Svc.OrgLife.DecideGrant(r.Context(), web.ActorOf(r), id, approve, r.PostFormValue("note"))
	flash := "flash.fund_rejected"
	if approve {
		flash = "flash.fund_approved"
	}
	return h.FormDone(w, r, err, "fund_show", h.fundData,
		"/fund?town_id="+strconv.FormatInt(g.TownID, 10), flash)
}
