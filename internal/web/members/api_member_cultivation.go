package members

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// cultivationJSON is 三培养 per village and in total.
type cultivationJSON struct {
	Items []members.CultivationRow             `json:"items"`
	Total map[members.TagKind]members.TagCount `json:"total"`
}

func (h *handlers) apiMemberCultivation(w http.ResponseWriter, r *http.Request) error {
	a, orgID := web.ActorOf(r), orgParam(r)
	rows, total, err := h.Svc.Members.Cultivation(r.Context(), a, orgID)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, cultivationJSON{Items: web.List(rows), Total: total})
	return nil
}
