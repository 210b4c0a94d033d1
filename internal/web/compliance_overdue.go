package web

import (
	"net/http"

	"dangjian/internal/members"
)

// overdueFilter reads the overdue list's query, shared by page and API.
func overdueFilter(r *http.Request) members.OverdueFilter {
	return members.OverdueFilter{OrgID: queryInt(r, "org_id"), After: queryInt(r, "after"), Limit: int(queryInt(r, "limit"))}
}

// complianceOverdue lists the meetings each branch in scope has not yet
// held in the current period, and since when.
func (s *Server) complianceOverdue(w http.ResponseWriter, r *http.Request) error {
	f := overdueFilter(r)
	f.Limit = 50
	items, err := s.svc.Members.Overdue(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	var next int64
	if len(items) == f.Limit {
		next = items[len(items)-1].Cursor
	}
	return s.render(w, r, "compliance_overdue", map[string]any{"Items": items, "Next": next, "Filter": f})
}
