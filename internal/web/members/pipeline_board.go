package members

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// pipelineBoard is the development board of a town, village or branch:
// counts per stage, per child organisation, and who is due or overdue.
func (h *handlers) pipelineBoard(w http.ResponseWriter, r *http.Request) error {
	a, orgID := web.ActorOf(r), orgParam(r)
	b, err := h.Svc.Members.Board(r.Context(), a, orgID)
	if err != nil {
		return err
	}
	orgs, err := h.memberOrgChoices(r, auth.PermMemberRead)
	if err != nil {
		return err
	}
	return h.Render(w, r, "pipeline_board", map[string]any{"B": b, "Orgs": orgs, "Stages": members.PipelineStages})
}
