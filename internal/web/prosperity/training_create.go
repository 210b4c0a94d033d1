package prosperity

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

// trainingCreate registers a training in the user's village.
func (h *handlers) trainingCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := prosperity.NewTraining{VillageID: web.QueryInt(r, "village_id"), Kind: prosperity.TrainingKind(r.PostFormValue("kind")),
		Title: r.PostFormValue("title"), Trainer: r.PostFormValue("trainer"), Skill: r.PostFormValue("skill"),
		Certifies: r.PostFormValue("certifies") == "1", StartedOn: web.FormDay(r, "started_on", f)}
	err := f.Err()
	var t prosperity.Training
	if err == nil {
		t, err = h.Svc.Prosper.CreateTraining(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "training_list", h.listData, "/trainings/"+strconv.FormatInt(t.ID, 10), "flash.training_created")
}
