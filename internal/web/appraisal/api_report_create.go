package appraisal

import (
	"net/http"

	"dangjian/internal/appraisal"
	"dangjian/internal/day"
	"dangjian/internal/web"
)

// reportBody is a 述职 or 述廉 report.
type reportBody struct {
	Kind appraisal.ReportKind `json:"kind"`
	Text string               `json:"text"`
	On   day.Day              `json:"on"`
}

func (h *handlers) apiReportCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body reportBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	c, err := h.Svc.Assess.Report(r.Context(), web.ActorOf(r), id, appraisal.ReportInput{Kind: body.Kind, Text: body.Text, On: body.On})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, c)
	return nil
}
