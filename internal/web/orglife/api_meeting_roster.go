package orglife

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// meetingRosterJSON is a branch's attendance list on a day.
type meetingRosterJSON struct {
	Branch orglife.BranchInfo       `json:"branch"`
	Items  []orglife.MeetingInvitee `json:"items"`
}

func (h *handlers) apiMeetingRoster(w http.ResponseWriter, r *http.Request) error {
	held, err := web.JSONDate("held_on", r.FormValue("held_on"))
	if err != nil {
		return err
	}
	on := day.Of(held)
	if on.IsZero() {
		on = day.Today(h.Svc.Clock)
	}
	b, list, err := h.Svc.OrgLife.MeetingForm(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), on)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, meetingRosterJSON{Branch: b, Items: web.List(list)})
	return nil
}
