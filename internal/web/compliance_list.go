package web

import (
	"net/http"

	"dangjian/internal/members"
)

// complianceFilter reads the compliance table's query.
func (s *Server) complianceFilter(r *http.Request) members.ComplianceFilter {
	return members.ComplianceFilter{Year: s.yearParam(r), OrgID: queryInt(r, "org_id"), After: queryInt(r, "after"),
		Limit: int(queryInt(r, "limit"))}
}

// complianceList is each branch's compliance with the cadences over a
// year, a page of branches at a time.
func (s *Server) complianceList(w http.ResponseWriter, r *http.Request) error {
	f := s.complianceFilter(r)
	f.Limit = 50
	rows, err := s.svc.Members.Compliance(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	var next int64
	if len(rows) == f.Limit {
		next = rows[len(rows)-1].Branch.ID
	}
	now := s.svc.Clock.Now().Year()
	return s.render(w, r, "compliance_list", map[string]any{"Rows": rows, "Next": next, "Year": f.Year,
		"Years": []int{now, now - 1, now - 2}, "Kinds": members.MeetingKinds})
}
