package org

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

// postVacate ends the current holder's term and leaves the post vacant.
func (h *handlers) postVacate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	end := web.FormDay(r, "ended_on", f)
	err = f.Err()
	if err == nil {
		err = h.Svc.Org.Vacate(r.Context(), web.ActorOf(r), id, end)
	}
	return h.FormDone(w, r, err, "post", h.postPageData, "/posts/"+strconv.FormatInt(id, 10), "flash.post_vacated")
}
