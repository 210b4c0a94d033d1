package orglife

import (
	"net/http"

	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// meShow is a member's own page: their record, meetings, stars, grades,
// posts and suggestions, and the form to make a suggestion.
func (h *handlers) meShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.meData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "me_show", data)
}

func (h *handlers) meData(r *http.Request) (map[string]any, error) {
	rec, err := h.Svc.OrgLife.Self(r.Context(), web.ActorOf(r), web.QueryInt(r, "before"))
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Record": rec}
	if len(rec.Meetings) == orglife.SelfMeetingsPage {
		data["Next"] = rec.Meetings[len(rec.Meetings)-1].MeetingID
	}
	return data, nil
}
