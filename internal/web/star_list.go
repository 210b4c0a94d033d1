package web

import (
	"net/http"

	"dangjian/internal/members"
)

// starList is a branch's 评星授旗 of a year, with the rating form.
func (s *Server) starList(w http.ResponseWriter, r *http.Request) error {
	return s.branchYearPage(w, r, "star_list", "star.title", s.starData)
}

func (s *Server) starData(r *http.Request, orgID int64, year int) (map[string]any, error) {
	b, ratings, err := s.svc.Members.BranchStars(r.Context(), actorOf(r), orgID, year)
	if err != nil {
		return nil, err
	}
	now := s.svc.Clock.Now().Year()
	data := map[string]any{"Year": year, "Years": []int{now, now - 1, now - 2}, "Ratings": ratings, "Leads": members.FiveLeads}
	return data, s.addBranchMembers(r, b.ID, data)
}
