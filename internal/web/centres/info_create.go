package centres

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// infoCreate records 民情信息 for the village chosen on the list.
func (h *handlers) infoCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	orgID := web.QueryInt(r, "org_id")
	in := centres.NewInfo{OrgID: orgID, Category: r.PostFormValue("category"), NotedOn: web.FormDay(r, "noted_on", f),
		Summary: r.PostFormValue("summary")}
	err := f.Err()
	if err == nil {
		_, err = h.Svc.Centres.AddInfo(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "info_list", h.infoData, "/minqing?org_id="+strconv.FormatInt(orgID, 10), "flash.info_added")
}
