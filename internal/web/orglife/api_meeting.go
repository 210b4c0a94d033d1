package orglife

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) apiMeetingList(w http.ResponseWriter, r *http.Request) error {
	f := meetingFilter(r)
	var err error
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	ms, err := h.Svc.Members.ListMeetings(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, ms, f.Limit, func(i int) int64 { return ms[i].ID })
}

func (h *handlers) apiMeetingShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	m, err := h.Svc.Members.GetMeeting(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, m)
	return nil
}

func (h *handlers) apiMeetingCreate(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		OrgID      int64                     `json:"org_id"`
		Kind       string                    `json:"kind"`
		Topic      string                    `json:"topic"`
		HeldOn     string                    `json:"held_on"`
		Place      string                    `json:"place"`
		Minutes    string                    `json:"minutes"`
		Attendance []members.AttendanceInput `json:"attendance"`
		Expected   int                       `json:"expected"`
		Present    int                       `json:"present"`
		Speaker    *members.Speaker          `json:"speaker"`
	}
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	held, err := web.JSONDate("held_on", body.HeldOn)
	if err != nil {
		return err
	}
	in := members.NewMeeting{OrgID: body.OrgID, Kind: members.MeetingKind(body.Kind), Topic: body.Topic, HeldOn: held,
		Place: body.Place, Minutes: body.Minutes, Attendance: body.Attendance, Expected: body.Expected, Present: body.Present}
	if sp := body.Speaker; sp != nil {
		in.Speaker, in.SpeakerTitle, in.SpeakerSenior = sp.Name, sp.Title, sp.Senior
	}
	m, err := h.Svc.Members.RecordMeeting(r.Context(), web.ActorOf(r), in)
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

func (h *handlers) apiMeetingRoster(w http.ResponseWriter, r *http.Request) error {
	day, err := web.JSONDate("held_on", r.FormValue("held_on"))
	if err != nil {
		return err
	}
	if day.IsZero() {
		day = h.Svc.Clock.Now()
	}
	b, list, err := h.Svc.Members.MeetingForm(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), day)
	if err != nil {
		return err
	}
	list = web.List(list)
	web.WriteJSON(w, http.StatusOK, map[string]any{"branch": b, "items": list})
	return nil
}

func (h *handlers) apiOverdue(w http.ResponseWriter, r *http.Request) error {
	f := overdueFilter(r)
	var err error
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	items, err := h.Svc.Members.Overdue(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	return web.WriteList(w, items, f.Limit, func(i int) int64 { return items[i].Cursor })
}

func (h *handlers) apiCompliance(w http.ResponseWriter, r *http.Request) error {
	f := h.complianceFilter(r)
	rows, err := h.Svc.Members.Compliance(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	rows = web.List(rows)
	if f.OrgID != 0 && len(rows) == 0 {
		return apperr.NotFound()
	}
	return web.WriteList(w, rows, f.Limit, func(i int) int64 { return rows[i].Branch.ID })
}
