package sites

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// siteList is the site projects in the user's sight, filtered by plan or
// village, with the county schedule and, for the town, the forms that
// change it and register a plan.
func (h *handlers) siteList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.listData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "site_list", data)
}

func (h *handlers) listData(r *http.Request) (map[string]any, error) {
	f, xs, err := h.listSites(r, 100)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Sites": xs, "Filter": f,
		"Next": web.Next(xs, f.Limit, func(i int) int64 { return xs[i].ID })}
	if len(xs) > 0 {
		sch, err := h.Svc.Sites.Schedule(r.Context(), web.ActorOf(r), xs[0].TownID)
		if err == nil {
			data["Schedule"], data["TownID"] = sch, xs[0].TownID
		}
	}
	town, err := h.Town(r)
	if err != nil {
		return nil, err
	}
	// The village filter, for whoever sees more than one village.
	villages, err := h.Svc.Org.List(r.Context(), web.ActorOf(r), org.Filter{Type: org.TypeGeneralBranch, TownID: town, Limit: 200})
	if err != nil {
		return nil, err
	}
	if len(villages) > 1 {
		data["Villages"] = villages
	}
	if data["Plans"], err = h.townPlans(r, town); err != nil {
		return nil, err
	}
	data["PlanTown"], data["Year"] = town, h.Svc.Clock.Now().Year()
	return data, nil
}
