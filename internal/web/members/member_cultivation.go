package members

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// memberCultivation is the 三培养 table: per village, open and achieved
// tags of each direction, with the totals.
func (h *handlers) memberCultivation(w http.ResponseWriter, r *http.Request) error {
	a, orgID := web.ActorOf(r), orgParam(r)
	rows, total, err := h.Svc.Members.Cultivation(r.Context(), a, orgID)
	if err != nil {
		return err
	}
	return h.Render(w, r, "member_cultivation", map[string]any{"Rows": rows, "Total": total, "Kinds": members.TagKinds})
}
