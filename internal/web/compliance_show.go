package web

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
)

// complianceShow is one branch's compliance over a year, period by period.
func (s *Server) complianceShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	year := s.yearParam(r)
	rows, err := s.svc.Members.Compliance(r.Context(), actorOf(r), members.ComplianceFilter{Year: year, OrgID: id, Limit: 1})
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return apperr.NotFound()
	}
	now := s.svc.Clock.Now().Year()
	return s.render(w, r, "compliance_show", map[string]any{"Row": rows[0], "Year": year,
		"Years": []int{now, now - 1, now - 2}})
}
