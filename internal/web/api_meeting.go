package web

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
)

func (s *Server) apiMeetingList(w http.ResponseWriter, r *http.Request) error {
	f := meetingFilter(r)
	if f.Limit == 0 {
		f.Limit = 50
	}
	ms, err := s.svc.Members.ListMeetings(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	if ms == nil {
		ms = []members.Meeting{}
	}
	return writePage(w, ms, len(ms) == f.Limit, func() int64 { return ms[len(ms)-1].ID })
}

func (s *Server) apiMeetingShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.svc.Members.GetMeeting(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, m)
	return nil
}

func (s *Server) apiMeetingCreate(w http.ResponseWriter, r *http.Request) error {
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
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	held, err := jsonDate("held_on", body.HeldOn)
	if err != nil {
		return err
	}
	in := members.NewMeeting{OrgID: body.OrgID, Kind: members.MeetingKind(body.Kind), Topic: body.Topic, HeldOn: held,
		Place: body.Place, Minutes: body.Minutes, Attendance: body.Attendance, Expected: body.Expected, Present: body.Present}
	if sp := body.Speaker; sp != nil {
		in.Speaker, in.SpeakerTitle, in.SpeakerSenior = sp.Name, sp.Title, sp.Senior
	}
	m, err := s.svc.Members.RecordMeeting(r.Context(), actorOf(r), in)
	if err != nil {
		return err
	}
	out := map[string]any{"meeting": m}
	if p := m.QuorumProblem(); p != nil {
		out["quorum"] = map[string]any{"rule": p.Rule, "message": message(langOf(r), p), "params": jsonParams(p.Params)}
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

func (s *Server) apiMeetingRoster(w http.ResponseWriter, r *http.Request) error {
	day, err := jsonDate("held_on", r.FormValue("held_on"))
	if err != nil {
		return err
	}
	if day.IsZero() {
		day = s.svc.Clock.Now()
	}
	b, list, err := s.svc.Members.MeetingForm(r.Context(), actorOf(r), queryInt(r, "org_id"), day)
	if err != nil {
		return err
	}
	if list == nil {
		list = []members.MeetingInvitee{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"branch": b, "items": list})
	return nil
}

func (s *Server) apiOverdue(w http.ResponseWriter, r *http.Request) error {
	f := overdueFilter(r)
	if f.Limit == 0 {
		f.Limit = 50
	}
	items, err := s.svc.Members.Overdue(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	if items == nil {
		items = []members.OverdueItem{}
	}
	return writePage(w, items, len(items) == f.Limit, func() int64 { return items[len(items)-1].Cursor })
}

func (s *Server) apiCompliance(w http.ResponseWriter, r *http.Request) error {
	f := s.complianceFilter(r)
	if f.Limit == 0 {
		f.Limit = 50
	}
	rows, err := s.svc.Members.Compliance(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	if rows == nil {
		rows = []members.BranchCompliance{}
	}
	if f.OrgID != 0 && len(rows) == 0 {
		return apperr.NotFound()
	}
	return writePage(w, rows, len(rows) == f.Limit, func() int64 { return rows[len(rows)-1].Branch.ID })
}
