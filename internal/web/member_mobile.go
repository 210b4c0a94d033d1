package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
)

func (s *Server) memberMobile(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	on := formDate(r, "on", f)
	if err = f.Err(); err == nil {
		_, err = s.svc.Members.SetMobile(r.Context(), actorOf(r), id, r.PostFormValue("mobile") == "1", on, r.PostFormValue("note"))
	}
	if err != nil {
		return s.memberFormError(w, r, "mobile", err)
	}
	return s.redirect(w, r, "/members/"+strconv.FormatInt(id, 10), "flash.saved")
}
