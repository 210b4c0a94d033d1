package members

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// memberStepBody is the JSON body of a pipeline step.
type memberStepBody struct {
	Step          string `json:"step"`
	On            string `json:"on"`
	TrainingDays  int    `json:"training_days,omitempty"`
	TrainingHours int    `json:"training_hours,omitempty"`
	Months        int    `json:"months,omitempty"`
	Note          string `json:"note,omitempty"`
}

func (h *handlers) apiMemberStep(w http.ResponseWriter, r *http.Request) error {
	var body memberStepBody
	return h.apiMemberAction(w, r, &body, func(id int64, f apperr.Fields) (any, error) {
		in := members.StepInput{Step: members.Step(body.Step), On: jsonDay(f, "on", body.On), TrainingDays: body.TrainingDays,
			TrainingHours: body.TrainingHours, Months: body.Months, Note: body.Note}
		if err := f.Err(); err != nil {
			return nil, err
		}
		return h.Svc.Members.RecordStep(r.Context(), web.ActorOf(r), id, in)
	})
}
