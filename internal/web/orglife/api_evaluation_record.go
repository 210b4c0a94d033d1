package orglife

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) apiEvaluationRecord(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		OrgID  int64                `json:"org_id"`
		Year   int                  `json:"year"`
		HeldOn string               `json:"held_on"`
		Grades []members.GradeInput `json:"grades"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	held, err := web.JSONDate("held_on", body.HeldOn)
	if err != nil {
		return err
	}
	res, err := h.Svc.Members.RecordEvaluation(r.Context(), web.ActorOf(r), members.NewEvaluation{OrgID: body.OrgID,
		Year: body.Year, HeldOn: held, Grades: body.Grades})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, map[string]any{"items": res})
	return nil
}
