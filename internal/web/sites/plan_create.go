package sites

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// planCreate registers the town's construction plan with the total
// investment it declares, typed in 元.
func (h *handlers) planCreate(w http.ResponseWriter, r *http.Request) error {
	town, err := h.Town(r)
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	in := sites.NewPlan{TownID: town, Title: r.PostFormValue("title"), Year: web.FormInt(r, "year", f),
		Declared: web.FormYuan(r, "declared", f)}
	err = f.Err()
	var p sites.Plan
	if err == nil {
		p, err = h.Svc.Sites.CreatePlan(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "site_list", h.listData, "/sites?plan_id="+strconv.FormatInt(p.ID, 10), "flash.site_plan")
}
