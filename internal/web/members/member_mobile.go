package members

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

func (h *handlers) memberMobile(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	on := web.FormDate(r, "on", f)
	if err = f.Err(); err == nil {
		_, err = h.Svc.Members.SetMobile(r.Context(), web.ActorOf(r), id, r.PostFormValue("mobile") == "1", on, r.PostFormValue("note"))
	}
	if err != nil {
		return h.memberFormError(w, r, "mobile", err)
	}
	return h.Redirect(w, r, "/members/"+strconv.FormatInt(id, 10), "flash.saved")
}
