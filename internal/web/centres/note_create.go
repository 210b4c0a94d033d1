package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// noteCreate records a 村企信息共享 note, from the mediation centre's page.
func (h *handlers) noteCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	orgID := web.QueryInt(r, "org_id")
	in := centres.NewEnterpriseNote{OrgID: orgID, Enterprise: r.PostFormValue("enterprise"), NotedOn: web.FormDay(r, "noted_on", f),
		Note: r.PostFormValue("note")}
	err := f.Err()
	if err == nil {
		_, err = h.Svc.Centres.AddEnterpriseNote(r.Context(), web.ActorOf(r), in)
	}
	return h.centreFormDone(w, r, err, orgID, "mediation", "flash.note_added")
}
