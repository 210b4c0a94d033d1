package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
)

func (s *Server) memberTagClose(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	tag, err := pathID(r, "tag")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	on := formDate(r, "on", f)
	if err = f.Err(); err == nil {
		_, err = s.svc.Members.CloseTag(r.Context(), actorOf(r), id, tag, r.PostFormValue("achieved") == "1", on)
	}
	if err != nil {
		return s.memberFormError(w, r, "tag_close", err)
	}
	return s.redirect(w, r, "/members/"+strconv.FormatInt(id, 10), "flash.saved")
}
