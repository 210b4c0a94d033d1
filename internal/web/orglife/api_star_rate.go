package orglife

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// starRateBody is the JSON body of a member's star rating of a year.
type starRateBody struct {
	MemberID int64    `json:"member_id"`
	Year     int      `json:"year"`
	Leads    []string `json:"leads"`
	Note     string   `json:"note,omitempty"`
}

func (h *handlers) apiStarRate(w http.ResponseWriter, r *http.Request) error {
	var body starRateBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	rt, err := h.Svc.Members.RateMember(r.Context(), web.ActorOf(r), members.NewRating{MemberID: body.MemberID, Year: body.Year,
		Leads: body.Leads, Note: body.Note})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, rt)
	return nil
}
