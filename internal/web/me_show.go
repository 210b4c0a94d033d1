package web

import (
	"net/http"

	"dangjian/internal/members"
)

// meShow is a member's own page: their record, meetings, stars, grades,
// posts and suggestions, and the form to make a suggestion.
func (s *Server) meShow(w http.ResponseWriter, r *http.Request) error {
	data, err := s.meData(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "me_show", data)
}

func (s *Server) meData(r *http.Request) (map[string]any, error) {
	rec, err := s.svc.Members.Self(r.Context(), actorOf(r), queryInt(r, "before"))
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Record": rec}
	if len(rec.Meetings) == members.SelfMeetingsPage {
		data["Next"] = rec.Meetings[len(rec.Meetings)-1].MeetingID
	}
	return data, nil
}
