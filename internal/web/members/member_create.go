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
		m, err = h.Svc.Members.Add(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "member_new", h.memberFormData,
		"/members/"+strconv.FormatInt(m.ID, 10), "flash.member_added")
}
