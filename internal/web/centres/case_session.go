package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// caseSession records a mediation session.
func (h *handlers) caseSession(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := centres.SessionInput{HeldOn: web.FormDay(r, "held_on", f), Mediator: r.PostFormValue("mediator"), Note: r.PostFormValue("note")}
	if err = f.Err(); err == nil {
		_, err = h.Svc.Centres.AddSession(r.Context(), web.ActorOf(r), id, in)
	}
	return h.FormDone(w, r, err, "case", h.caseData, idPath("/cases/", id), "flash.case_session")
}
