package members

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// memberLeaveBody is the JSON body of a member leaving.
type memberLeaveBody struct {
	Reason string `json:"reason"`
	On     string `json:"on"`
	Note   string `json:"note,omitempty"`
}

func (h *handlers) apiMemberLeave(w http.ResponseWriter, r *http.Request) error {
	var body memberLeaveBody
	return h.apiMemberAction(w, r, &body, func(id int64, f apperr.Fields) (any, error) {
		in := members.LeaveInput{Reason: body.Reason, On: jsonDay(f, "on", body.On), Note: body.Note}
		if err := f.Err(); err != nil {
			return nil, err
		}
		return h.Svc.Members.Leave(r.Context(), web.ActorOf(r), id, in)
	})
}
