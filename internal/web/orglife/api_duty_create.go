package orglife

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// dutyCreateBody is the JSON body of a member's post of a year.
type dutyCreateBody struct {
	MemberID int64  `json:"member_id"`
	Year     int    `json:"year"`
	Post     string `json:"post"`
	Duty     string `json:"duty"`
}

func (h *handlers) apiDutyCreate(w http.ResponseWriter, r *http.Request) error {
	var body dutyCreateBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	d, err := h.Svc.Members.AssignDuty(r.Context(), web.ActorOf(r), members.NewDuty{MemberID: body.MemberID, Year: body.Year,
		Post: body.Post, Duty: body.Duty})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, d)
	return nil
}
