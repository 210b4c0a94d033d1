package web

import (
	"net/http"

	"dangjian/internal/members"
)

// evaluationShow is a branch's 民主评议 of a year: results so far and the
// form for the members still to evaluate.
func (s *Server) evaluationShow(w http.ResponseWriter, r *http.Request) error {
	return s.branchYearPage(w, r, "evaluation_show", "evaluation.title", s.evaluationData)
}

func (s *Server) evaluationData(r *http.Request, orgID int64, year int) (map[string]any, error) {
	sheet, err := s.svc.Members.BranchEvaluation(r.Context(), actorOf(r), orgID, year)
	if err != nil {
		return nil, err
	}
	now := s.svc.Clock.Now().Year()
	return map[string]any{"Sheet": sheet, "Year": year, "Years": []int{now, now - 1, now - 2},
		"Grades": members.Grades, "Today": s.today()}, nil
}
