package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/members"
)

func (s *Server) memberUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	_, err = s.svc.Members.Update(r.Context(), actorOf(r), id, members.MemberUpdate{Name: r.PostFormValue("name"),
		IDNumber: r.PostFormValue("id_number"), Phone: r.PostFormValue("phone"), Education: r.PostFormValue("education"),
		Category: members.Category(r.PostFormValue("category"))})
	if err != nil {
		data, derr := s.memberEditData(r)
		if derr != nil {
			return derr
		}
		return s.renderForm(w, r, "member_edit", data, err)
	}
	return s.redirect(w, r, "/members/"+strconv.FormatInt(id, 10), "flash.saved")
}
