package web

import (
	"net/http"
)

// dutyList is a branch's 设岗定责 of a year, with the form to add a post.
func (s *Server) dutyList(w http.ResponseWriter, r *http.Request) error {
	return s.branchYearPage(w, r, "duty_list", "duty.title", s.dutyData)
}

func (s *Server) dutyData(r *http.Request, orgID int64, year int) (map[string]any, error) {
	b, duties, err := s.svc.Members.BranchDuties(r.Context(), actorOf(r), orgID, year)
	if err != nil {
		return nil, err
	}
	now := s.svc.Clock.Now().Year()
	data := map[string]any{"Year": year, "Years": []int{now + 1, now, now - 1}, "Duties": duties}
	return data, s.addBranchMembers(r, b.ID, data)
}
