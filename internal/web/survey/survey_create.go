package survey

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/survey"
	"dangjian/internal/web"
)

// surveyCreate opens a survey of a village's 两委.
func (h *handlers) surveyCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := survey.NewSurvey{OrgID: web.QueryInt(r, "org_id"), Year: web.FormInt(r, "year", f), Title: r.PostFormValue("title"),
		Threshold: web.FormInt(r, "threshold", f), Weights: formWeights(r, f)}
	var sh survey.Sheet
	err := f.Err()
	if err == nil {
		sh, err = h.Svc.Survey.Open(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "survey_list", h.surveyListData, surveyPath(sh.Survey.ID), "flash.survey_opened")
}
