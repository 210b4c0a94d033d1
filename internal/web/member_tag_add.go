package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
)

func (s *Server) memberTagAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := members.TagInput{Kind: members.TagKind(r.PostFormValue("kind")), StartedOn: formDate(r, "started_on", f), Note: r.PostFormValue("note")}
	if err = f.Err(); err == nil {
		_, err = s.svc.Members.AddTag(r.Context(), actorOf(r), id, in)
	}
	if err != nil {
		return s.memberFormError(w, r, "tag", err)
	}
	return s.redirect(w, r, "/members/"+strconv.FormatInt(id, 10), "flash.saved")
}
