package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

// rulesCreate adopts a new version of the 村规民约, from the culture centre's page.
func (h *handlers) rulesCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	orgID := web.QueryInt(r, "org_id")
	on := web.FormDay(r, "adopted_on", f)
	err := f.Err()
	if err == nil {
		_, err = h.Svc.Centres.AdoptRules(r.Context(), web.ActorOf(r), orgID, on, r.PostFormValue("body"))
	}
	return h.centreFormDone(w, r, err, orgID, "culture", "flash.rules_adopted")
}
