package members

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) memberTagAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := members.TagInput{Kind: members.TagKind(r.PostFormValue("kind")), StartedOn: web.FormDate(r, "started_on", f), Note: r.PostFormValue("note")}
	if err = f.Err(); err == nil {
		_, err = h.Svc.Members.AddTag(r.Context(), web.ActorOf(r), id, in)
	}
	if err != nil {
		return h.memberFormError(w, r, "tag", err)
	}
	return h.Redirect(w, r, "/members/"+strconv.FormatInt(id, 10), "flash.saved")
}
