package members

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// memberCreateBody is the JSON body of a member or applicant to enter.
type memberCreateBody struct {
	OrgID     int64  `json:"org_id"`
	Name      string `json:"name"`
	IDNumber  string `json:"id_number"`
	Status    string `json:"status"`
	AppliedOn string `json:"applied_on,omitempty"`
	JoinedOn  string `json:"joined_on,omitempty"`
	FullOn    string `json:"full_on,omitempty"`
	Category  string `json:"category,omitempty"`
	Phone     string `json:"phone,omitempty"`
	Education string `json:"education,omitempty"`
	Mobile    bool   `json:"mobile,omitempty"`
}

func (h *handlers) apiMemberCreate(w http.ResponseWriter, r *http.Request) error {
	var body memberCreateBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := members.MemberInput{OrgID: body.OrgID, Name: body.Name, IDNumber: body.IDNumber, Status: members.Status(body.Status),
		AppliedOn: jsonDay(f, "applied_on", body.AppliedOn), JoinedOn: jsonDay(f, "joined_on", body.JoinedOn),
		FullOn: jsonDay(f, "full_on", body.FullOn), Category: members.Category(body.Category), Phone: body.Phone,
		Education: body.Education, Mobile: body.Mobile}
	if err := f.Err(); err != nil {
		return err
	}
	m, err := h.Svc.Members.Add(r.Context(), web.ActorOf(r), in)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, m)
	return nil
}
