package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// entryVisit records a visit to a person on a register.
func (h *handlers) entryVisit(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := centres.VisitInput{VisitedOn: web.FormDay(r, "visited_on", f), Visitor: r.PostFormValue("visitor"),
		Note: r.PostFormValue("note"), Help: r.PostFormValue("help"), HelpFen: int64(web.Yuan(r.PostFormValue("help_yuan"), "help_yuan", f)),
		NextDue: web.FormDay(r, "next_due", f)}
	if err = f.Err(); err == nil {
		_, err = h.Svc.Centres.RecordVisit(r.Context(), web.ActorOf(r), id, in)
	}
	return h.FormDone(w, r, err, "entry", h.entryData, idPath("/register-entries/", id), "flash.visit_recorded")
}
