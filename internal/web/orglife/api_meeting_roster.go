package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiMeetingRoster(w http.ResponseWriter, r *http.Request) error {
	day, err := web.JSONDate("held_on", r.FormValue("held_on"))
	if err != nil {
		return err
	}
	if day.IsZero() {
		day = h.Svc.Clock.Now()
	}
	b, list, err := h.Svc.OrgLife.MeetingForm(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), day)
	if err != nil {
		return err
	}
	list = web.List(list)
	web.WriteJSON(w, http.StatusOK, map[string]any{"branch": b, "items": list})
	return nil
}
