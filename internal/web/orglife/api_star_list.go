package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiStarList(w http.ResponseWriter, r *http.Request) error {
	b, rs, err := h.Svc.OrgLife.BranchStars(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), h.yearParam(r))
	if err != nil {
		return err
	}
	rs = web.List(rs)
	web.WriteJSON(w, http.StatusOK, map[string]any{"branch": b, "items": rs})
	return nil
}
