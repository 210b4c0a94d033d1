package members

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// pipelineStep records one pipeline step from the member page's form; a
// refused step shows its rule's message (with the earliest date) there.
func (h *handlers) pipelineStep(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := members.StepInput{Step: members.Step(r.PostFormValue("step")), On: web.FormDate(r, "on", f),
		TrainingDays: int(web.QueryInt(r, "training_days")), TrainingHours: int(web.QueryInt(r, "training_hours")),
		Months: int(web.QueryInt(r, "months")), Note: r.PostFormValue("note")}
	if err = f.Err(); err == nil {
		_, err = h.Svc.Members.RecordStep(r.Context(), web.ActorOf(r), id, in)
	}
	if err != nil {
		return h.memberFormError(w, r, "step", err)
	}
	return h.Redirect(w, r, "/members/"+strconv.FormatInt(id, 10), "flash.step_recorded")
}
