package orglife

import (
	"net/http"

	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

func (h *handlers) apiEvaluationRecord(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		OrgID  int64                `json:"org_id"`
		Year   int                  `json:"year"`
		HeldOn string               `json:"held_on"`
		Grades []orglife.GradeInput `json:"grades"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	held, err := web.JSONDate("held_on", body.HeldOn)
	if err != nil {
		return err
	}
	res, err := h.Svc.OrgLife.RecordEvaluation(r.Context(), web.ActorOf(r), orglife.NewEvaluation{OrgID: body.OrgID,
		Year: body.Year, HeldOn: held, Grades: body.Grades})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, map[string]any{"items": res})
	return nil
}
