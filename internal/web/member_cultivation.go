package web

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/members"
)

// memberCultivation is the 三培养 table: per village, open and achieved
// tags of each direction, with the totals.
func (s *Server) memberCultivation(w http.ResponseWriter, r *http.Request) error {
	orgID := queryInt(r, "org_id")
	a := actorOf(r)
	if orgID == 0 {
		orgID = homeOrg(a, auth.PermMemberRead)
	}
	rows, total, err := s.svc.Members.Cultivation(r.Context(), a, orgID)
	if err != nil {
		return err
	}
	return s.render(w, r, "member_cultivation", map[string]any{"Rows": rows, "Total": total, "Kinds": members.TagKinds})
}
