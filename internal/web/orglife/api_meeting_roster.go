package orglife

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// meetingRosterJSON is a branch's attendance list on a day.
type meetingRosterJSON struct {
	Branch members.BranchInfo       `json:"branch"`
	Items  []members.MeetingInvitee `json:"items"`
}

func (h *handlers) apiMeetingRoster(w http.ResponseWriter, r *http.Request) error {
	day, err := web.JSONDate("held_on", r.FormValue("held_on"))
	if err != nil {
		return err
	}
	if day.IsZero() {
		day = h.Svc.Clock.Now()
	}
	b, list, err := h.Svc.Members.MeetingForm(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), day)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, meetingRosterJSON{Branch: b, Items: web.List(list)})
	return nil
}
