package commendation

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/commendation"
	"dangjian/internal/web"
)

// commendationCreate begins a general branch's commendation of a year.
func (h *handlers) commendationCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	year := web.FormInt(r, "year", f)
	var sh commendation.Sheet
	err := f.Err()
	if err == nil {
		sh, err = h.Svc.Commend.Start(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), year)
	}
	return h.FormDone(w, r, err, "commendation_list", h.listData, showPath(sh.Commendation.ID), "flash.commendation_started")
}
