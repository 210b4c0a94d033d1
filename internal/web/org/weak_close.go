package org

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// weakClose closes a rectification with a note on what was achieved.
func (h *handlers) weakClose(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := org.WeakClosing{FlagID: id, ClosedOn: web.FormDay(r, "closed_on", f), Note: r.PostFormValue("closing_note")}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Org.CloseWeak(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "weak_flag", h.weakPageData, "/weak/"+strconv.FormatInt(id, 10), "flash.weak_closed")
}
