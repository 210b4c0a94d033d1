package orglife

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) apiMeetingList(w http.ResponseWriter, r *http.Request) error {
	f := meetingFilter(r)
	if f.Limit == 0 {
		f.Limit = 50
	}
	ms, err := h.svc.Members.ListMeetings(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	if ms == nil {
		ms = []members.Meeting{}
	}
	return web.WritePage(w, ms, len(ms) == f.Limit, func() int64 { return ms[len(ms)-1].ID })
}

func (h *handlers) apiMeetingShow(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	m, err := h.svc.Members.GetMeeting(r.Context(), web.ActorOf(r), id)
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
	m, err := h.svc.Members.RecordMeeting(r.Context(), web.ActorOf(r), in)
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
		day = h.svc.Clock.Now()
	}
	b, list, err := h.svc.Members.MeetingForm(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), day)
	if err != nil {
		return err
	}
	if list == nil {
		list = []members.MeetingInvitee{}
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"branch": b, "items": list})
	return nil
}

func (h *handlers) apiOverdue(w http.ResponseWriter, r *http.Request) error {
	f := overdueFilter(r)
	if f.Limit == 0 {
		f.Limit = 50
	}
	items, err := h.svc.Members.Overdue(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	if items == nil {
		items = []members.OverdueItem{}
	}
	return web.WritePage(w, items, len(items) == f.Limit, func() int64 { return items[len(items)-1].Cursor })
}

func (h *handlers) apiCompliance(w http.ResponseWriter, r *http.Request) error {
	f := h.complianceFilter(r)
	if f.Limit == 0 {
		f.Limit = 50
	}
	rows, err := h.svc.Members.Compliance(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	if rows == nil {
		rows = []members.BranchCompliance{}
	}
	if f.OrgID != 0 && len(rows) == 0 {
		return apperr.NotFound()
	}
	return web.WritePage(w, rows, len(rows) == f.Limit, func() int64 { return rows[len(rows)-1].Branch.ID })
}
