package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/members"
)

func (s *Server) starRate(w http.ResponseWriter, r *http.Request) error {
	orgID, year := queryInt(r, "org_id"), int(queryInt(r, "year"))
	_ = r.ParseForm()
	_, err := s.svc.Members.RateMember(r.Context(), actorOf(r), members.NewRating{MemberID: queryInt(r, "member_id"),
		Year: year, Leads: r.PostForm["leads"], Note: r.PostFormValue("note")})
	if err != nil {
		data, derr := s.starData(r, orgID, year)
		if derr != nil {
			return derr
		}
		return s.renderForm(w, r, "star_list", data, err)
	}
	return s.redirect(w, r, "/stars?org_id="+strconv.FormatInt(orgID, 10)+"&year="+strconv.Itoa(year), "flash.saved")
}
