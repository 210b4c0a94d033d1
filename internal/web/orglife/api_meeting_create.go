package orglife

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// meetingCreateBody is the JSON body of a meeting with its attendance.
type meetingCreateBody struct {
	OrgID      int64                     `json:"org_id"`
	Kind       string                    `json:"kind"`
	Topic      string                    `json:"topic"`
	HeldOn     string                    `json:"held_on"`
	Place      string                    `json:"place,omitempty"`
	Minutes    string                    `json:"minutes,omitempty"`
	Attendance []orglife.AttendanceInput `json:"attendance,omitempty"`
	Expected   int                       `json:"expected,omitempty"`
	Present    int                       `json:"present,omitempty"`
	Speaker    *orglife.Speaker          `json:"speaker,omitempty"`
}

// meetingCreatedJSON is the recorded meeting and, when it fell short of
// its quorum, why it does not count.
type meetingCreatedJSON struct {
	Meeting orglife.Meeting `json:"meeting"`
	Quorum  *quorumJSON     `json:"quorum,omitempty"`
}

// quorumJSON names the quorum rule a meeting missed, in the reader's
// language.
type quorumJSON struct {
	Rule    string         `json:"rule"`
	Message string         `json:"message"`
	Params  map[string]any `json:"params,omitempty"`
}

func (h *handlers) apiMeetingCreate(w http.ResponseWriter, r *http.Request) error {
	var body meetingCreateBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	held, err := web.JSONDate("held_on", body.HeldOn)
	if err != nil {
		return err
	}
	in := orglife.NewMeeting{OrgID: body.OrgID, Kind: orglife.MeetingKind(body.Kind), Topic: body.Topic, HeldOn: day.Of(held),
		Place: body.Place, Minutes: body.Minutes, Attendance: body.Attendance, Expected: body.Expected, Present: body.Present}
	if sp := body.Speaker; sp != nil {
		in.Speaker, in.SpeakerTitle, in.SpeakerSenior = sp.Name, sp.Title, sp.Senior
	}
	m, err := h.Svc.OrgLife.RecordMeeting(r.Context(), web.ActorOf(r), in)
	if err != nil {
		return err
	}
	out := meetingCreatedJSON{Meeting: m}
	if p := m.QuorumProblem(); p != nil {
		out.Quorum = &quorumJSON{Rule: p.Rule, Message: web.Message(web.LangOf(r), p), Params: web.JSONParams(p.Params)}
	}
	web.WriteJSON(w, http.StatusCreated, out)
	return nil
}
