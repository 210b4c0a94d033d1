package orglife

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// meetingCreate records a meeting from the form. Attendance comes as
// att_<member id> = present | absent | "" (not expected) with
// reason_<member id>.
func (h *handlers) meetingCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := orglife.NewMeeting{OrgID: web.QueryInt(r, "org_id"), Kind: orglife.MeetingKind(r.PostFormValue("kind")),
		Topic: r.PostFormValue("topic"), HeldOn: web.FormDay(r, "held_on", f), Place: r.PostFormValue("place"),
		Minutes: r.PostFormValue("minutes"), Expected: int(web.QueryInt(r, "expected")), Present: int(web.QueryInt(r, "present")),
		Speaker: r.PostFormValue("speaker"), SpeakerTitle: r.PostFormValue("speaker_title"),
		SpeakerSenior: r.PostFormValue("speaker_senior") == "1"}
	for key, vals := range r.PostForm {
		id, err := strconv.ParseInt(strings.TrimPrefix(key, "att_"), 10, 64)
		if !strings.HasPrefix(key, "att_") || err != nil || len(vals) == 0 || vals[0] == "" {
			continue
		}
		in.Attendance = append(in.Attendance, orglife.AttendanceInput{MemberID: id, Present: vals[0] == "present",
			Reason: r.PostFormValue("reason_" + strconv.FormatInt(id, 10))})
	}
	err := f.Err()
	var m orglife.Meeting
	if err == nil {
		m, err = h.Svc.OrgLife.RecordMeeting(r.Context(), web.ActorOf(r), in)
	}
	flash := "flash.meeting_recorded"
	if !m.Counts {
		flash = "flash.meeting_below_quorum"
	}
	return h.FormDone(w, r, err, "meeting_new", func(r *http.Request) (map[string]any, error) {
		return h.meetingFormData(r, in.OrgID, in.Kind)
	}, "/meetings/"+strconv.FormatInt(m.ID, 10), flash)
}
