package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/members"
)

func (s *Server) dutyCreate(w http.ResponseWriter, r *http.Request) error {
	orgID, year := queryInt(r, "org_id"), int(queryInt(r, "year"))
	_, err := s.svc.Members.AssignDuty(r.Context(), actorOf(r), members.NewDuty{MemberID: queryInt(r, "member_id"),
		Year: year, Post: r.PostFormValue("post"), Duty: r.PostFormValue("duty")})
	if err != nil {
		data, derr := s.dutyData(r, orgID, year)
		if derr != nil {
			return derr
		}
		return s.renderForm(w, r, "duty_list", data, err)
	}
	return s.redirect(w, r, "/duties?org_id="+strconv.FormatInt(orgID, 10)+"&year="+strconv.Itoa(year), "flash.saved")
}
