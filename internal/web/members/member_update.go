package members

import (
	"net/http"
	"strconv"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) memberUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	_, err = h.Svc.Members.Update(r.Context(), web.ActorOf(r), id, members.MemberUpdate{Name: r.PostFormValue("name"),
		IDNumber: r.PostFormValue("id_number"), Phone: r.PostFormValue("phone"), Education: r.PostFormValue("education"),
		Category: members.Category(r.PostFormValue("category"))})
	return h.FormDone(w, r, err, "member_edit", h.memberEditData,
		"/members/"+strconv.FormatInt(id, 10), "flash.saved")
}
