package sites

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// milestoneCreate records a dated step of a site's construction, with
// the photos taken of it.
func (h *handlers) milestoneCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := sites.NewMilestone{SiteID: id, OnDate: web.FormDay(r, "on_date", f), Stage: sites.Stage(r.PostFormValue("stage")),
		Title: r.PostFormValue("title"), Note: r.PostFormValue("note"), Photos: web.FormUploads(r, "photos", f)}
	err = f.Err()
	if err == nil {
		_, err = h.Svc.Sites.AddMilestone(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "site_show", h.siteData, siteURL(r), "flash.site_milestone")
}
