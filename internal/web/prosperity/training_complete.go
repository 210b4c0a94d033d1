package prosperity

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

// trainingComplete records that the ticked attendees completed.
func (h *handlers) trainingComplete(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	on := web.FormDay(r, "earned_on", f)
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Prosper.Complete(r.Context(), web.ActorOf(r), id, formIDs(r, "resident_ids"), on)
	}
	return h.FormDone(w, r, err, "training_show", h.trainingData, trainingURL(r), "flash.training_complete")
}
