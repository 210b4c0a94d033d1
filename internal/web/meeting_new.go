package web

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/members"
)

// meetingNew is the form to record a meeting of a branch, with the
// branch's members listed for attendance.
func (s *Server) meetingNew(w http.ResponseWriter, r *http.Request) error {
	orgID, err := s.branchParam(r, auth.PermMemberWrite)
	if err != nil {
		return err
	}
	if orgID == 0 {
		return s.pickBranch(w, r, auth.PermMemberWrite, "meeting.new")
	}
	data, err := s.meetingFormData(r, orgID, members.MeetingKind(r.FormValue("kind")))
	if err != nil {
		return err
	}
	return s.render(w, r, "meeting_new", data)
}

// meetingFormData lists the branch's members with the attendance each is
// pre-set to: everyone present, except at a 支委会, where only members
// holding a committee post are expected.
func (s *Server) meetingFormData(r *http.Request, orgID int64, kind members.MeetingKind) (map[string]any, error) {
	if !kind.Valid() {
		kind = members.MeetingCommittee
	}
	b, invitees, err := s.svc.Members.MeetingForm(r.Context(), actorOf(r), orgID, db.Day(s.svc.Clock.Now()))
	if err != nil {
		return nil, err
	}
	rows := make([]map[string]any, len(invitees))
	for i, m := range invitees {
		def := "present"
		if kind == members.MeetingCommittee && !m.Committee {
			def = ""
		}
		rows[i] = map[string]any{"ID": m.MemberID, "Name": m.Name, "Status": string(m.Status), "Voting": m.Voting, "Default": def}
	}
	return map[string]any{"Branch": b, "Kind": kind, "Kinds": members.MeetingKinds, "Rows": rows, "Today": s.today()}, nil
}
