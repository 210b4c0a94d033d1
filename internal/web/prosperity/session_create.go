package prosperity

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

// sessionCreate records a session and who attended (ticked residents).
func (h *handlers) sessionCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	hours, _ := strconv.Atoi(r.PostFormValue("hours"))
	in := prosperity.NewSession{TrainingID: id, HeldOn: web.FormDay(r, "held_on", f), Topic: r.PostFormValue("topic"),
		Hours: hours, ResidentIDs: formIDs(r, "resident_ids")}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Prosper.RecordSession(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "training_show", h.trainingData, trainingURL(r), "flash.training_session")
}
