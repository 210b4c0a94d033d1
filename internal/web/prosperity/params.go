package prosperity

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"dangjian/internal/day"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// area is the village or town a page is about: ?org_id=, else the
// user's town, else the organisation a village cadre is bound to, else
// for a county user the first town they may read. Town says which it is, so
// a page shows the town's table or the village's list.
type area struct {
	ID   int64
	Town bool
}

func (h *handlers) area(r *http.Request) (area, error) {
	a := web.ActorOf(r)
	if id := web.QueryInt(r, "org_id"); id != 0 {
		if slices.Contains(a.TownIDs(), id) {
			return area{ID: id, Town: true}, nil
		}
		o, err := h.Svc.Org.Get(r.Context(), a, id)
		if err != nil {
			return area{}, err
		}
		return area{ID: id, Town: o.Type == org.TypeTown}, nil
	}
	for _, b := range a.Bindings {
		if b.OrgID == b.TownID { // bound to a town: the town
			return area{ID: b.TownID, Town: true}, nil
		}
	}
	if len(a.Bindings) > 0 && a.Bindings[0].TownID != 0 { // bound inside a town: their organisation
		return area{ID: a.Bindings[0].OrgID}, nil
	}
	town, err := h.Town(r)
	return area{ID: town, Town: town != 0}, err
}

// village is the village a page is about: ?village_id=, else the
// area when it is not a town; 0 for a town user, who picks one.
func (h *handlers) village(r *http.Request) (int64, error) {
	if id := web.QueryInt(r, "village_id"); id != 0 {
		return id, nil
	}
	ar, err := h.area(r)
	if err != nil || ar.Town {
		return 0, err
	}
	return ar.ID, nil
}

// formIDs reads the ticked ids of a checkbox group.
func formIDs(r *http.Request, field string) []int64 {
	if err := r.ParseForm(); err != nil {
		return nil
	}
	var out []int64
	for _, v := range r.PostForm[field] {
		if id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
			out = append(out, id)
		}
	}
	return out
}

// today is the server's current day, for form defaults.
func (h *handlers) today() string { return day.Today(h.Svc.Clock).String() }
