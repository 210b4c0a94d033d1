package sites

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

// siteAccept records the acceptance of a completed site.
func (h *handlers) siteAccept(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	on := web.FormDay(r, "accepted_on", f)
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Sites.Accept(r.Context(), web.ActorOf(r), id, on, r.PostFormValue("note"))
	}
	return h.FormDone(w, r, err, "site_show", h.siteData, siteURL(r), "flash.site_accepted")
}
