package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
)

// weakFlag records a 软弱涣散 finding from the organisation's page.
func (s *Server) weakFlag(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.NewWeakFlag{OrgID: id, FlaggedOn: formDate(r, "flagged_on", f), Reason: r.PostFormValue("reason"),
		Plan: r.PostFormValue("plan"), Deadline: formDate(r, "deadline", f)}
	err = f.Err()
	if err == nil {
		_, err = s.svc.Org.Flag(r.Context(), actorOf(r), in)
	}
	return s.formDone(w, r, err, "org", s.orgPageData, "/orgs/"+strconv.FormatInt(id, 10), "flash.weak_flagged")
}
