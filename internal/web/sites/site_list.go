package sites

import (
	"net/http"

	"dangjian/internal/web"
)

// siteList is the site projects in the user's sight, with the county
// schedule and, for the town, the form that changes it.
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
	return data, nil
}
