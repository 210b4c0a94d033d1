package prosperity

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/web"
)

// areaParam is the village or town a page is about: ?org_id=, else the
// user's town when they see it, else the organisation they are bound to.
func areaParam(r *http.Request) int64 {
	if id := web.QueryInt(r, "org_id"); id != 0 {
		return id
	}
	a := web.ActorOf(r)
	if a == nil || len(a.Bindings) == 0 {
		return 0
	}
	for _, b := range a.Bindings {
		if b.OrgID == b.TownID { // bound to a town: the town
			return b.TownID
		}
	}
	return a.Bindings[0].OrgID
}

// villageParam is the village a page is about: ?village_id=, else the
// user's own organisation; 0 for a town user, who picks one.
func villageParam(r *http.Request) int64 {
	if id := web.QueryInt(r, "village_id"); id != 0 {
		return id
	}
	if id := areaParam(r); id != 0 && !isTown(r, id) {
		return id
	}
	return 0
}

func isTown(r *http.Request, id int64) bool {
	for _, t := range web.ActorOf(r).TownIDs() {
		if t == id {
			return true
		}
	}
	return false
}

// formDay reads a date field.
func formDay(r *http.Request, field string, f apperr.Fields) day.Day {
	return day.Of(web.FormDate(r, field, f))
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
