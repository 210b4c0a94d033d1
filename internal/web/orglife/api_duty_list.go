package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiDutyList(w http.ResponseWriter, r *http.Request) error {
	b, ds, err := h.Svc.OrgLife.BranchDuties(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), h.yearParam(r))
	if err != nil {
		return err
	}
	ds = web.List(ds)
	web.WriteJSON(w, http.StatusOK, map[string]any{"branch": b, "items": ds})
	return nil
}
