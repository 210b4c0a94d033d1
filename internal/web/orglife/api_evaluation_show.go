package orglife

import (
	"net/http"

	"dangjian/internal/web"
)

func (h *handlers) apiEvaluationShow(w http.ResponseWriter, r *http.Request) error {
	sheet, err := h.Svc.OrgLife.BranchEvaluation(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), h.yearParam(r))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, sheet)
	return nil
}
