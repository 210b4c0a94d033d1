package orglife

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// meetingNew is the form to record a meeting of a branch, with the
// branch's members listed for attendance.
func (h *handlers) meetingNew(w http.ResponseWriter, r *http.Request) error {
	orgID, err := h.branchParam(r, auth.PermMemberWrite)
	if err != nil {
		return err
	}
	if orgID == 0 {
		return h.pickBranch(w, r, auth.PermMemberWrite, "meeting.new")
	}
	data, err := h.meetingFormData(r, orgID, orglife.MeetingKind(r.FormValue("kind")))
	if err != nil {
		return err
	}
	return h.Render(w, r, "meeting_new", data)
}

// meetingFormData lists the branch's members with the attendance each is
// pre-set to: everyone present, except at a 支委会, where only members
// holding a committee post are expected.
func (h *handlers) meetingFormData(r *http.Request, orgID int64, kind orglife.MeetingKind) (map[string]any, error) {
	if !kind.Valid() {
		kind = orglife.MeetingCommittee
	}
	b, invitees, err := h.Svc.OrgLife.MeetingForm(r.Context(), web.ActorOf(r), orgID, day.Today(h.Svc.Clock))
	if err != nil {
		return nil, err
	}
	rows := make([]map[string]any, len(invitees))
	for i, m := range invitees {
		def := "present"
		if kind == orglife.MeetingCommittee && !m.Committee {
			def = ""
		}
		rows[i] = map[string]any{"ID": m.MemberID, "Name": m.Name, "Status": string(m.Status), "Voting": m.Voting, "Default": def}
	}
	return map[string]any{"Branch": b, "Kind": kind, "Kinds": orglife.MeetingKinds, "Rows": rows, "Today": h.today()}, nil
}
