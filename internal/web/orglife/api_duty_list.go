package orglife

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// dutyListJSON is a branch's member posts of a year.
type dutyListJSON struct {
	Branch members.BranchInfo `json:"branch"`
	Items  []members.Duty     `json:"items"`
}

func (h *handlers) apiDutyList(w http.ResponseWriter, r *http.Request) error {
	b, ds, err := h.Svc.Members.BranchDuties(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), h.yearParam(r))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, dutyListJSON{Branch: b, Items: web.List(ds)})
	return nil
}
