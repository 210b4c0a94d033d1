package sites

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// siteCreate registers a site project: the level follows from the
// organisation picked; in a plan or outside it.
func (h *handlers) siteCreate(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := sites.NewSite{PlanID: web.QueryInt(r, "plan_id"), OrgID: web.QueryInt(r, "org_id"), Kind: sites.Kind(r.PostFormValue("kind")),
		Spec: sites.Spec{MainBuildings: web.FormInt(r, "main_buildings", f), Annexes: web.FormInt(r, "annexes", f),
			LandM2: web.FormInt(r, "land_m2", f), FloorM2: web.FormInt(r, "floor_m2", f)},
		Override: formOverride(r, f), OverrideReason: r.PostFormValue("override_reason"), Note: r.PostFormValue("note")}
	if in.OrgID == 0 {
		f.Add("org_id", "error.required", nil)
	}
	err := f.Err()
	var x sites.Site
	if err == nil {
		x, err = h.Svc.Sites.AddSite(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "site_new", h.newData, "/sites/"+strconv.FormatInt(x.ID, 10), "flash.site_added")
}
