package web

import (
	"net/http"

	"dangjian/internal/members"
)

// meetingFilter reads the meeting list's filters, shared by page and API.
func meetingFilter(r *http.Request) members.MeetingFilter {
	return members.MeetingFilter{OrgID: queryInt(r, "org_id"), Kind: members.MeetingKind(r.FormValue("kind")),
		SeniorOnly: r.FormValue("senior") == "1", BeforeID: queryInt(r, "before"), Limit: int(queryInt(r, "limit"))}
}

func (s *Server) meetingList(w http.ResponseWriter, r *http.Request) error {
	f := meetingFilter(r)
	f.Limit = 50
	ms, err := s.svc.Members.ListMeetings(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	var next int64
	if len(ms) == f.Limit {
		next = ms[len(ms)-1].ID
	}
	return s.render(w, r, "meeting_list", map[string]any{"Meetings": ms, "Filter": f, "Next": next,
		"Kinds": members.MeetingKinds})
}
