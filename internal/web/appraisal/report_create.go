package appraisal

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/appraisal"
	"dangjian/internal/web"
)

// reportCreate records a cadre's 述职 or 述廉 report from the round page.
func (h *handlers) reportCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	cadre := int64(web.FormInt(r, "cadre_id", f))
	in := appraisal.ReportInput{RoundID: id, Kind: appraisal.ReportKind(r.PostFormValue("kind")), Text: r.PostFormValue("text"),
		On: web.FormDay(r, "on", f)}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Assess.Report(r.Context(), web.ActorOf(r), cadre, in)
	}
	return h.FormDone(w, r, err, "appraisal_show", h.showData, showPath(id), "flash.appraisal_report")
}
