package members

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) memberLeave(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := members.LeaveInput{Reason: r.PostFormValue("reason"), On: web.FormDate(r, "on", f), Note: r.PostFormValue("note")}
	if err = f.Err(); err == nil {
		_, err = h.Svc.Members.Leave(r.Context(), web.ActorOf(r), id, in)
	}
	if err != nil {
		return h.memberFormError(w, r, "leave", err)
	}
	return h.Redirect(w, r, "/members/"+strconv.FormatInt(id, 10), "flash.saved")
}
