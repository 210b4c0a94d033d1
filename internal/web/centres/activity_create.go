package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// activityCreate records a cultural activity, from the culture centre's page.
func (h *handlers) activityCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	orgID := web.QueryInt(r, "org_id")
	in := centres.NewActivity{OrgID: orgID, Title: r.PostFormValue("title"), HeldOn: web.FormDay(r, "held_on", f),
		Place: r.PostFormValue("place"), Attendance: int(web.QueryInt(r, "attendance"))}
	err := f.Err()
	if err == nil {
		_, err = h.Svc.Centres.RecordActivity(r.Context(), web.ActorOf(r), in)
	}
	return h.centreFormDone(w, r, err, orgID, "culture", "flash.activity_recorded")
}
