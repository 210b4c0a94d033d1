package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
)

func (s *Server) memberLeave(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := members.LeaveInput{Reason: r.PostFormValue("reason"), On: formDate(r, "on", f), Note: r.PostFormValue("note")}
	if err = f.Err(); err == nil {
		_, err = s.svc.Members.Leave(r.Context(), actorOf(r), id, in)
	}
	if err != nil {
		return s.memberFormError(w, r, "leave", err)
	}
	return s.redirect(w, r, "/members/"+strconv.FormatInt(id, 10), "flash.saved")
}
