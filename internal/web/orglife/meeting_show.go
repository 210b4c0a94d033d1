package orglife

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) meetingShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	m, err := h.Svc.OrgLife.GetMeeting(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	var quorum string
	if p := m.QuorumProblem(); p != nil {
		quorum = web.Message(web.LangOf(r), p)
	}
	return h.Render(w, r, "meeting_show", map[string]any{"Meeting": m, "Quorum": quorum})
}
