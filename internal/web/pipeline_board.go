package web

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/members"
)

// pipelineBoard is the development board of a town, village or branch:
// counts per stage, per child organisation, and who is due or overdue.
func (s *Server) pipelineBoard(w http.ResponseWriter, r *http.Request) error {
	orgID := queryInt(r, "org_id")
	a := actorOf(r)
	if orgID == 0 {
		orgID = homeOrg(a, auth.PermMemberRead)
	}
	b, err := s.svc.Members.Board(r.Context(), a, orgID)
	if err != nil {
		return err
	}
	orgs, err := s.memberOrgChoices(r, auth.PermMemberRead)
	if err != nil {
		return err
	}
	return s.render(w, r, "pipeline_board", map[string]any{"B": b, "Orgs": orgs, "Stages": members.PipelineStages})
}

// homeOrg is the organisation a page defaults to: the actor's first
// binding that grants perm.
func homeOrg(a *auth.Actor, perm auth.Perm) int64 {
	for _, b := range a.Bindings {
		if b.Role.Grants(perm) {
			return b.OrgID
		}
	}
	return 0
}
