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
	g, err := h.svc.Members.DecideGrant(r.Context(), web.ActorOf(r), id, approve, r.PostFormValue("note"))
	if err != nil {
		data, derr := h.fundData(r)
		if derr != nil {
			return derr
		}
		return h.RenderForm(w, r, "fund_show", data, err)
	}
	flash := "flash.fund_rejected"
	if approve {
		flash = "flash.fund_approved"
	}
	return h.Redirect(w, r, "/fund?town_id="+strconv.FormatInt(g.TownID, 10), flash)
}
