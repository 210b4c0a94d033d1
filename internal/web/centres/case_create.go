package centres

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// caseCreate opens a case from the mediation centre's page.
func (h *handlers) caseCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := centres.NewCase{OrgID: web.QueryInt(r, "org_id"), Source: r.PostFormValue("source"),
		Category: r.PostFormValue("category"), Title: r.PostFormValue("title"), Summary: r.PostFormValue("summary"),
		OpenedOn: web.FormDay(r, "opened_on", f), Deadline: web.FormDay(r, "deadline", f)}
	for _, s := range strings.Fields(strings.ReplaceAll(r.PostFormValue("resident_id"), ",", " ")) {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			f.Add("resident_id", "centres.resident_unknown", nil)
			continue
		}
		in.ResidentIDs = append(in.ResidentIDs, id)
	}
	for _, n := range strings.Split(r.PostFormValue("other_names"), "，") {
		for _, m := range strings.Split(n, ",") {
			if m = strings.TrimSpace(m); m != "" {
				in.OtherNames = append(in.OtherNames, m)
			}
		}
	}
	var c centres.Case
	err := f.Err()
	if err == nil {
		c, err = h.Svc.Centres.OpenCase(r.Context(), web.ActorOf(r), in)
	}
	if err != nil {
		return h.centreFormDone(w, r, err, in.OrgID, "mediation", "")
	}
	return h.Redirect(w, r, idPath("/cases/", c.ID), "flash.case_opened")
}
