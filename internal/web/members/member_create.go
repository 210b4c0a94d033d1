package members

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) memberCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := members.MemberInput{OrgID: web.QueryInt(r, "org_id"), Name: r.PostFormValue("name"),
		IDNumber: r.PostFormValue("id_number"), Phone: r.PostFormValue("phone"), Education: r.PostFormValue("education"),
		Category: members.Category(r.PostFormValue("category")), Status: members.Status(r.PostFormValue("status")),
		AppliedOn: web.FormDate(r, "applied_on", f), JoinedOn: web.FormDate(r, "joined_on", f), FullOn: web.FormDate(r, "full_on", f),
		Mobile: r.PostFormValue("mobile") == "1"}
	err := f.Err()
	var m members.Member
	if err == nil {
		m, err = h.svc.Members.Add(r.Context(), web.ActorOf(r), in)
	}
	if err != nil {
		data, derr := h.memberFormData(r)
		if derr != nil {
			return derr
		}
		return h.RenderForm(w, r, "member_new", data, err)
	}
	return h.Redirect(w, r, "/members/"+strconv.FormatInt(m.ID, 10), "flash.member_added")
}
