package orglife

import (
	"net/http"

	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// meetingFilter reads the meeting list's filters, shared by page and API.
func meetingFilter(r *http.Request) orglife.MeetingFilter {
	return orglife.MeetingFilter{OrgID: web.QueryInt(r, "org_id"), Kind: orglife.MeetingKind(r.FormValue("kind")),
		SeniorOnly: r.FormValue("senior") == "1", BeforeID: web.QueryInt(r, "before")}
}

func (h *handlers) meetingList(w http.ResponseWriter, r *http.Request) error {
	f := meetingFilter(r)
	f.Limit = 50
	ms, err := h.Svc.OrgLife.ListMeetings(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	next := web.Next(ms, f.Limit, func(i int) int64 { return ms[i].ID })
	return h.Render(w, r, "meeting_list", map[string]any{"Meetings": ms, "Filter": f, "Next": next,
		"Kinds": orglife.MeetingKinds})
}
