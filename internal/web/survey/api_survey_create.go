package survey

import (
	"net/http"

	"dangjian/internal/survey"
	"dangjian/internal/web"
)

// surveyCreateBody is the JSON body that opens a survey.
type surveyCreateBody struct {
	OrgID     int64                `json:"org_id"`
	Year      int                  `json:"year"`
	Title     string               `json:"title,omitempty"`
	Threshold int                  `json:"threshold,omitempty"`
	Weights   map[survey.Group]int `json:"weights,omitempty"`
}

func (h *handlers) apiSurveyCreate(w http.ResponseWriter, r *http.Request) error {
	var body surveyCreateBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	sh, err := h.Svc.Survey.Open(r.Context(), web.ActorOf(r), survey.NewSurvey{OrgID: body.OrgID, Year: body.Year,
		Title: body.Title, Threshold: body.Threshold, Weights: body.Weights})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, sh)
	return nil
}
