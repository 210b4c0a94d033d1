package centres

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// registerCreate puts a resident of the chosen village on the register.
func (h *handlers) registerCreate(w http.ResponseWriter, r *http.Request) error {
	reg, err := registerParam(r)
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	orgID := web.QueryInt(r, "org_id")
	in := centres.NewEntry{OrgID: orgID, Register: reg, ResidentID: web.QueryInt(r, "resident_id"),
		Category: r.PostFormValue("category"), Since: web.FormDay(r, "since", f), FirstDue: web.FormDay(r, "first_due", f),
		VisitDays: int(web.QueryInt(r, "visit_days")), Note: r.PostFormValue("note")}
	var e centres.Entry
	if err = f.Err(); err == nil {
		e, err = h.Svc.Centres.AddEntry(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "register_list", h.registerData, "/register-entries/"+strconv.FormatInt(e.ID, 10), "flash.entry_added")
}
