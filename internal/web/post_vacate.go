package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
)

// postVacate ends the current holder's term and leaves the post vacant.
func (s *Server) postVacate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	end := formDate(r, "ended_on", f)
	err = f.Err()
	if err == nil {
		err = s.svc.Org.Vacate(r.Context(), actorOf(r), id, end)
	}
	return s.formDone(w, r, err, "post", s.postPageData, "/posts/"+strconv.FormatInt(id, 10), "flash.post_vacated")
}
