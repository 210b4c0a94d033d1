package web

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/members"
)

// starList is a branch's 评星授旗 of a year, with the rating form.
func (s *Server) starList(w http.ResponseWriter, r *http.Request) error {
	orgID, err := s.branchParam(r, auth.PermMemberRead)
	if err != nil {
		return err
	}
	if orgID == 0 {
		return s.pickBranch(w, r, auth.PermMemberRead, "star.title")
	}
	data, err := s.starData(r, orgID, s.yearParam(r))
	if err != nil {
		return err
	}
	return s.render(w, r, "star_list", data)
}

func (s *Server) starData(r *http.Request, orgID int64, year int) (map[string]any, error) {
	b, ratings, err := s.svc.Members.BranchStars(r.Context(), actorOf(r), orgID, year)
	if err != nil {
		return nil, err
	}
	_, ms, err := s.svc.Members.BranchMembers(r.Context(), actorOf(r), orgID)
	if err != nil {
		return nil, err
	}
	now := s.svc.Clock.Now().Year()
	return map[string]any{"Branch": b, "Year": year, "Years": []int{now, now - 1, now - 2}, "Ratings": ratings,
		"Members": memberOptions(ms), "Leads": members.FiveLeads}, nil
}
