package members

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/web"
)

func (h *handlers) apiMemberCultivation(w http.ResponseWriter, r *http.Request) error {
	a := web.ActorOf(r)
	orgID := web.QueryInt(r, "org_id")
	if orgID == 0 {
		orgID = homeOrg(a, auth.PermMemberRead)
	}
	rows, total, err := h.Svc.Members.Cultivation(r.Context(), a, orgID)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": rows, "total": total})
	return nil
}
