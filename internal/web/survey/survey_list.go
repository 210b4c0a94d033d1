package survey

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/survey"
	"dangjian/internal/web"
)

// surveyList lists the surveys in scope, with the form to open one.
func (h *handlers) surveyList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.surveyListData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "survey_list", data)
}

func (h *handlers) surveyListData(r *http.Request) (map[string]any, error) {
	f := web.YearList(r, 50)
	list, err := h.Svc.Survey.List(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Surveys": list, "Next": web.Next(list, f.Limit, func(i int) int64 { return list[i].ID }),
		"Year": h.Svc.Clock.Now().Year(), "Groups": groupOptions(), "Threshold": survey.DefaultThreshold}
	if web.ActorOf(r).Can(auth.PermSurveyManage) {
		vs, err := h.villages(r)
		if err != nil {
			return nil, err
		}
		data["Villages"] = vs
	}
	return data, nil
}
