package org

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// weakFlag records a 软弱涣散 finding from the organisation's page.
func (h *handlers) weakFlag(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.NewWeakFlag{OrgID: id, FlaggedOn: web.FormDay(r, "flagged_on", f), Reason: r.PostFormValue("reason"),
		Plan: r.PostFormValue("plan"), Deadline: web.FormDay(r, "deadline", f)}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Org.Flag(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "org", h.orgPageData, "/orgs/"+strconv.FormatInt(id, 10), "flash.weak_flagged")
}
