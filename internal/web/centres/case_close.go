package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// caseClose closes a case with its outcome and agreement.
func (h *handlers) caseClose(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := centres.Closing{ClosedOn: web.FormDay(r, "closed_on", f), Agreement: r.PostFormValue("agreement"), Outcome: r.PostFormValue("outcome")}
	if err = f.Err(); err == nil {
		_, err = h.Svc.Centres.CloseCase(r.Context(), web.ActorOf(r), id, in)
	}
	return h.FormDone(w, r, err, "case", h.caseData, idPath("/cases/", id), "flash.case_closed")
}
