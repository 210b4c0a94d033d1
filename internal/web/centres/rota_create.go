package centres

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// rotaCreate puts a cadre on the 接待日 rota, from the mediation centre's page.
func (h *handlers) rotaCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	orgID := web.QueryInt(r, "org_id")
	in := centres.NewReceptionDay{OrgID: orgID, On: web.FormDay(r, "on", f), Cadre: r.PostFormValue("cadre"), Note: r.PostFormValue("note")}
	err := f.Err()
	if err == nil {
		_, err = h.Svc.Centres.PlanReceptionDay(r.Context(), web.ActorOf(r), in)
	}
	return h.centreFormDone(w, r, err, orgID, "mediation", "flash.rota_planned")
}

// centreFormDone ends a form of a centre's page: back to the page, or the
// page again with the errors.
func (h *handlers) centreFormDone(w http.ResponseWriter, r *http.Request, err error, orgID int64, code, flash string) error {
	id := strconv.FormatInt(orgID, 10)
	r.SetPathValue("id", id)
	r.SetPathValue("code", code)
	return h.FormDone(w, r, err, "centre", h.centreData, "/centres/"+id+"/"+code, flash)
}
