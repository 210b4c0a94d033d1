package orglife

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// evaluationRecordBody is the JSON body of a branch's 民主评议 of a year.
type evaluationRecordBody struct {
	OrgID  int64                `json:"org_id"`
	Year   int                  `json:"year"`
	HeldOn string               `json:"held_on"`
	Grades []orglife.GradeInput `json:"grades"`
}

// evaluationsJSON is the 民主评议 results just recorded.
type evaluationsJSON struct {
	Items []orglife.Evaluation `json:"items"`
}

func (h *handlers) apiEvaluationRecord(w http.ResponseWriter, r *http.Request) error {
	var body evaluationRecordBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	held, err := web.JSONDate("held_on", body.HeldOn)
	if err != nil {
		return err
	}
	res, err := h.Svc.OrgLife.RecordEvaluation(r.Context(), web.ActorOf(r), orglife.NewEvaluation{OrgID: body.OrgID,
		Year: body.Year, HeldOn: day.Of(held), Grades: body.Grades})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, evaluationsJSON{Items: web.List(res)})
	return nil
}
