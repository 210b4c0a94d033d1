package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
)

// pipelineStep records one pipeline step from the member page's form; a
// refused step shows its rule's message (with the earliest date) there.
func (s *Server) pipelineStep(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := members.StepInput{Step: members.Step(r.PostFormValue("step")), On: formDate(r, "on", f),
		TrainingDays: int(queryInt(r, "training_days")), TrainingHours: int(queryInt(r, "training_hours")),
		Months: int(queryInt(r, "months")), Note: r.PostFormValue("note")}
	if err = f.Err(); err == nil {
		_, err = s.svc.Members.RecordStep(r.Context(), actorOf(r), id, in)
	}
	if err != nil {
		return s.memberFormError(w, r, "step", err)
	}
	return s.redirect(w, r, "/members/"+strconv.FormatInt(id, 10), "flash.step_recorded")
}
