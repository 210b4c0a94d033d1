package org

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

func (h *handlers) postAssign(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.Assignment{PostID: id, HolderName: r.PostFormValue("holder_name"),
		ResidentID: web.QueryInt(r, "resident_id"), StartedOn: web.FormDay(r, "started_on", f), Note: r.PostFormValue("note")}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Org.Assign(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "post", h.postPageData, "/posts/"+strconv.FormatInt(id, 10), "flash.post_assigned")
}
