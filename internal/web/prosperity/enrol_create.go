package prosperity

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

// enrolCreate enrols the ticked households of the village in the
// cooperative.
func (h *handlers) enrolCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	on := web.FormDay(r, "joined_on", f)
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Prosper.Enrol(r.Context(), web.ActorOf(r), id, formIDs(r, "household_ids"), on)
	}
	return h.FormDone(w, r, err, "cooperative_show", h.cooperativeData, "/cooperatives/"+r.PathValue("id"), "flash.cooperative_enrolled")
}
