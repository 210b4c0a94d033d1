package commendation

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/commendation"
	"dangjian/internal/web"
)

// disciplineCreate records a member's discipline from a commendation's
// page, which it returns to.
func (h *handlers) disciplineCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := commendation.NewDiscipline{MemberID: web.QueryInt(r, "member_id"), Kind: commendation.DisciplineKind(r.PostFormValue("kind")),
		DecidedOn: web.FormDay(r, "decided_on", f), UntilOn: web.FormDay(r, "until_on", f), Note: r.PostFormValue("note")}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Commend.RecordDiscipline(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "commendation_show", h.showData, showPath(id), "flash.discipline_recorded")
}
