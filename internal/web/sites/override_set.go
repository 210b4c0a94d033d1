package sites

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

// overrideSet sets a site's own subsidy in place of the schedule's line,
// with its reason; an empty amount goes back to the schedule.
func (h *handlers) overrideSet(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	amount := formOverride(r, f)
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Sites.SetOverride(r.Context(), web.ActorOf(r), id, amount, r.PostFormValue("override_reason"))
	}
	return h.FormDone(w, r, err, "site_show", h.siteData, siteURL(r), "flash.site_override")
}
