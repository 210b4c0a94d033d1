package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiMeetingList(w http.ResponseWriter, r *http.Request) error {
	f := meetingFilter(r)
	var err error
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	ms, err := h.Svc.OrgLife.ListMeetings(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, ms, f.Limit, func(i int) int64 { return ms[i].ID })
}
