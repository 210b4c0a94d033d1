package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
)

func (s *Server) postAssign(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.Assignment{PostID: id, HolderName: r.PostFormValue("holder_name"),
		ResidentID: queryInt(r, "resident_id"), StartedOn: formDate(r, "started_on", f), Note: r.PostFormValue("note")}
	err = f.Err()
	if err == nil {
		_, err = s.svc.Org.Assign(r.Context(), actorOf(r), in)
	}
	return s.formDone(w, r, err, "post", s.postPageData, "/posts/"+strconv.FormatInt(id, 10), "flash.post_assigned")
}
