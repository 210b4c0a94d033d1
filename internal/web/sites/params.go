package sites

import (
	"net/http"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// planParam is the plan a report is about: ?plan_id=, else the town's
// latest plan; 0 when the town has none.
func (h *handlers) planParam(r *http.Request) (int64, error) {
	if id := web.QueryInt(r, "plan_id"); id != 0 {
		return id, nil
	}
	town, err := h.Town(r)
	if err != nil {
		return 0, err
	}
	ps, err := h.Svc.Sites.Plans(r.Context(), web.ActorOf(r), town)
	if err != nil || len(ps) == 0 {
		return 0, err
	}
	return ps[0].ID, nil
}

// listSites lists the sites a list page or the API asks for: of a plan,
// a village or a town; with none named, the user's town, or for a user
// who does not see the town (a village leader), their own organisation.
func (h *handlers) listSites(r *http.Request, limit int) (sites.Filter, []sites.Site, error) {
	f := sites.Filter{PlanID: web.QueryInt(r, "plan_id"), VillageID: web.QueryInt(r, "village_id"),
		TownID: web.QueryInt(r, "town_id"), AfterID: web.QueryInt(r, "after"), Limit: limit}
	a := web.ActorOf(r)
	named := f.PlanID != 0 || f.VillageID != 0 || f.TownID != 0
	if !named {
		town, err := h.Town(r)
		if err != nil {
			return f, nil, err
		}
		f.TownID = town
	}
	xs, err := h.Svc.Sites.ListSites(r.Context(), a, f)
	if !named && apperr.KindOf(err) == apperr.KindNotFound && a != nil && len(a.Bindings) > 0 {
		f.TownID, f.VillageID = 0, a.Bindings[0].OrgID
		xs, err = h.Svc.Sites.ListSites(r.Context(), a, f)
	}
	return f, xs, err
}

// formOverride reads the subsidy override typed in 元: empty clears it.
func formOverride(r *http.Request, f apperr.Fields) *sites.Fen {
	if strings.TrimSpace(r.PostFormValue("override")) == "" {
		return nil
	}
	v := web.FormYuan(r, "override", f)
	return &v
}

// fenOf is an optional amount of a JSON body.
func fenOf(v *int64) *sites.Fen {
	if v == nil {
		return nil
	}
	f := sites.Fen(*v)
	return &f
}
