package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// caseFollowUp records the follow-up visit of a closed case.
func (h *handlers) caseFollowUp(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := centres.FollowUp{On: web.FormDay(r, "followup_on", f), Note: r.PostFormValue("followup_note")}
	if err = f.Err(); err == nil {
		_, err = h.Svc.Centres.RecordFollowUp(r.Context(), web.ActorOf(r), id, in)
	}
	return h.FormDone(w, r, err, "case", h.caseData, idPath("/cases/", id), "flash.case_followup")
}
