package orglife

import (
	"net/http"

	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

func (h *handlers) apiMeetingCreate(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		OrgID      int64                     `json:"org_id"`
		Kind       string                    `json:"kind"`
		Topic      string                    `json:"topic"`
		HeldOn     string                    `json:"held_on"`
		Place      string                    `json:"place"`
		Minutes    string                    `json:"minutes"`
		Attendance []orglife.AttendanceInput `json:"attendance"`
		Expected   int                       `json:"expected"`
		Present    int                       `json:"present"`
		Speaker    *orglife.Speaker          `json:"speaker"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	held, err := web.JSONDate("held_on", body.HeldOn)
	if err != nil {
		return err
	}
	in := orglife.NewMeeting{OrgID: body.OrgID, Kind: orglife.MeetingKind(body.Kind), Topic: body.Topic, HeldOn: held,
		Place: body.Place, Minutes: body.Minutes, Attendance: body.Attendance, Expected: body.Expected, Present: body.Present}
	if sp := body.Speaker; sp != nil {
		in.Speaker, in.SpeakerTitle, in.SpeakerSenior = sp.Name, sp.Title, sp.Senior
	}
	m, err := h.Svc.OrgLife.RecordMeeting(r.Context(), web.ActorOf(r), in)
	if err != nil {
		return err
	}
	out := map[string]any{"meeting": m}
	if p := m.QuorumProblem(); p != nil {
		out["quorum"] = map[string]any{"rule": p.Rule, "message": web.Message(web.LangOf(r), p), "params": web.JSONParams(p.Params)}
	}
	web.WriteJSON(w, http.StatusCreated, out)
	return nil
}
