package web

import (
	"net/http"

	"dangjian/internal/auth"
)

// dutyList is a branch's 设岗定责 of a year, with the form to add a post.
func (s *Server) dutyList(w http.ResponseWriter, r *http.Request) error {
	orgID, err := s.branchParam(r, auth.PermMemberRead)
	if err != nil {
		return err
	}
	if orgID == 0 {
		return s.pickBranch(w, r, auth.PermMemberRead, "duty.title")
	}
	data, err := s.dutyData(r, orgID, s.yearParam(r))
	if err != nil {
		return err
	}
	return s.render(w, r, "duty_list", data)
}

func (s *Server) dutyData(r *http.Request, orgID int64, year int) (map[string]any, error) {
	b, duties, err := s.svc.Members.BranchDuties(r.Context(), actorOf(r), orgID, year)
	if err != nil {
		return nil, err
	}
	_, ms, err := s.svc.Members.BranchMembers(r.Context(), actorOf(r), orgID)
	if err != nil {
		return nil, err
	}
	now := s.svc.Clock.Now().Year()
	return map[string]any{"Branch": b, "Year": year, "Years": []int{now + 1, now, now - 1}, "Duties": duties,
		"Members": memberOptions(ms)}, nil
}
