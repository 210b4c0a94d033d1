package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
)

// weakClose closes a rectification with a note on what was achieved.
func (s *Server) weakClose(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.WeakClosing{FlagID: id, ClosedOn: formDate(r, "closed_on", f), Note: r.PostFormValue("closing_note")}
	err = f.Err()
	if err == nil {
		_, err = s.svc.Org.CloseWeak(r.Context(), actorOf(r), in)
	}
	return s.formDone(w, r, err, "weak_flag", s.weakPageData, "/weak/"+strconv.FormatInt(id, 10), "flash.weak_closed")
}
