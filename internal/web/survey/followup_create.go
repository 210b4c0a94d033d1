package survey

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/survey"
	"dangjian/internal/web"
)

// followupCreate records what 甄别 decided about a flagged subject; the
// form is on the survey's page (?survey_id= says which, to go back).
func (h *handlers) followupCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := survey.NewFollowup{SubjectID: id, Action: survey.Action(r.PostFormValue("action")), Note: r.PostFormValue("note"),
		DecidedOn: web.FormDay(r, "decided_on", f)}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Survey.RecordFollowup(r.Context(), web.ActorOf(r), in)
	}
	surveyID := web.QueryInt(r, "survey_id")
	page := func(r *http.Request) (map[string]any, error) {
		r.SetPathValue("id", r.URL.Query().Get("survey_id"))
		data, err := h.surveyShowData(r)
		if data != nil {
			data["FormSubject"] = id // the errors belong beside this subject's form
		}
		return data, err
	}
	return h.FormDone(w, r, err, "survey_show", page, surveyPath(surveyID), "flash.followup_recorded")
}
