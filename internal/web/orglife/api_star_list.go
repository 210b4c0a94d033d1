package orglife

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// starListJSON is a branch's star ratings of a year.
type starListJSON struct {
	Branch members.BranchInfo   `json:"branch"`
	Items  []members.StarRating `json:"items"`
}

func (h *handlers) apiStarList(w http.ResponseWriter, r *http.Request) error {
	b, rs, err := h.Svc.Members.BranchStars(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), h.yearParam(r))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, starListJSON{Branch: b, Items: web.List(rs)})
	return nil
}
