package orglife

import (
	"net/http"

	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// evaluationShow is a branch's 民主评议 of a year: results so far and the
// form for the members still to evaluate.
func (h *handlers) evaluationShow(w http.ResponseWriter, r *http.Request) error {
	return h.branchYearPage(w, r, "evaluation_show", "evaluation.title", h.evaluationData)
}

func (h *handlers) evaluationData(r *http.Request, orgID int64, year int) (map[string]any, error) {
	sheet, err := h.Svc.OrgLife.BranchEvaluation(r.Context(), web.ActorOf(r), orgID, year)
	if err != nil {
		return nil, err
	}
	now := h.Svc.Clock.Now().Year()
	return map[string]any{"Sheet": sheet, "Year": year, "Years": []int{now, now - 1, now - 2},
		"Grades": orglife.Grades, "Today": h.today()}, nil
}
