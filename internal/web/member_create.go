package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
)

func (s *Server) memberCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := members.MemberInput{OrgID: queryInt(r, "org_id"), Name: r.PostFormValue("name"),
		IDNumber: r.PostFormValue("id_number"), Phone: r.PostFormValue("phone"), Education: r.PostFormValue("education"),
		Category: members.Category(r.PostFormValue("category")), Status: members.Status(r.PostFormValue("status")),
		AppliedOn: formDate(r, "applied_on", f), JoinedOn: formDate(r, "joined_on", f), FullOn: formDate(r, "full_on", f),
		Mobile: r.PostFormValue("mobile") == "1"}
	err := f.Err()
	var m members.Member
	if err == nil {
		m, err = s.svc.Members.Add(r.Context(), actorOf(r), in)
	}
	if err != nil {
		data, derr := s.memberFormData(r)
		if derr != nil {
			return derr
		}
		return s.renderForm(w, r, "member_new", data, err)
	}
	return s.redirect(w, r, "/members/"+strconv.FormatInt(m.ID, 10), "flash.member_added")
}
