package members

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

func (h *handlers) memberTagClose(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	tag, err := web.PathID(r, "tag")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	on := web.FormDate(r, "on", f)
	if err = f.Err(); err == nil {
		_, err = h.Svc.Members.CloseTag(r.Context(), web.ActorOf(r), id, tag, r.PostFormValue("achieved") == "1", on)
	}
	if err != nil {
		return h.memberFormError(w, r, "tag_close", err)
	}
	return h.Redirect(w, r, "/members/"+strconv.FormatInt(id, 10), "flash.saved")
}
