package web

import (
	"net/http"
)

func (s *Server) meetingShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.svc.Members.GetMeeting(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	var quorum string
	if p := m.QuorumProblem(); p != nil {
		quorum = message(langOf(r), p)
	}
	return s.render(w, r, "meeting_show", map[string]any{"Meeting": m, "Quorum": quorum})
}
