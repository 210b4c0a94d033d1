package members

import (
	"net/http"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

// memberUpdateBody is the JSON body of the correctable details of a member.
type memberUpdateBody struct {
	Name      string `json:"name"`
	IDNumber  string `json:"id_number,omitempty"`
	Phone     string `json:"phone,omitempty"`
	Education string `json:"education,omitempty"`
	Category  string `json:"category,omitempty"`
}

func (h *handlers) apiMemberUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var body memberUpdateBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	m, err := h.Svc.Members.Update(r.Context(), web.ActorOf(r), id, members.MemberUpdate{Name: body.Name, IDNumber: body.IDNumber,
		Phone: body.Phone, Education: body.Education, Category: members.Category(body.Category)})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, m)
	return nil
}
