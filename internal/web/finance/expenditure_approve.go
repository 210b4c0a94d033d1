package finance

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/finance"
	"dangjian/internal/web"
)

// expenditureApprove approves a request alone (一支笔) or collectively (两委,
// with the meeting and, above the collective limit, the decision).
func (h *handlers) expenditureApprove(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := finance.Approval{Mode: r.PostFormValue("mode"), MeetingNote: r.PostFormValue("meeting_note"),
		DecisionID: web.QueryInt(r, "decision_id"), Note: r.PostFormValue("note")}
	in.MeetingOn = formDay(r, "meeting_on", f)
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Finance.ApproveRequest(r.Context(), web.ActorOf(r), id, in)
	}
	return h.stepDone(w, r, id, err, "flash.finance_approved")
}
