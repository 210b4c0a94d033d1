package centres

import (
	"net/http"

	"dangjian/internal/web"
)

// culturePersonCreate records a 文化活动户 or a talent, from the culture centre's page.
func (h *handlers) culturePersonCreate(w http.ResponseWriter, r *http.Request) error {
	orgID := web.QueryInt(r, "org_id")
	_, err := h.Svc.Centres.AddCulturePerson(r.Context(), web.ActorOf(r), orgID, web.QueryInt(r, "resident_id"),
		r.PostFormValue("kind"), r.PostFormValue("speciality"))
	return h.centreFormDone(w, r, err, orgID, "culture", "flash.culture_person_added")
}
