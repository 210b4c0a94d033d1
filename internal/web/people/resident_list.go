package people

import (
	"net/http"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/people"
	"dangjian/internal/web"
)

// residentList finds residents by name or id number, village or group
// and age band (e.g. 18–45 for the young-adult skills target).
func (h *handlers) residentList(w http.ResponseWriter, r *http.Request) error {
	return h.residents(w, r, false)
}

// residentSearch is the search form's POST: an id number is searched
// without ever entering the address; a name goes on to the plain list,
// whose address can be kept and shared.
func (h *handlers) residentSearch(w http.ResponseWriter, r *http.Request) error {
	return h.searchForm(w, r, "/residents", []string{"org_id", "q", "min_age", "max_age"},
		func(w http.ResponseWriter, r *http.Request) error { return h.residents(w, r, true) })
}

func (h *handlers) residents(w http.ResponseWriter, r *http.Request, byNumber bool) error {
	a := web.ActorOf(r)
	f, err := residentFilter(r, byNumber)
	f.Limit = 100
	var rs []people.Resident
	if err == nil {
		rs, err = h.Svc.People.ListResidents(r.Context(), a, f)
	}
	if err != nil && apperr.KindOf(err) != apperr.KindInvalid {
		return err
	}
	choices, cerr := h.Svc.People.OrgChoices(r.Context(), a, auth.PermPeopleRead)
	if cerr != nil {
		return cerr
	}
	q := r.FormValue("q")
	if isIDNumberQuery(strings.TrimSpace(q)) && !byNumber {
		q = "" // never show back a number that came through the address
	}
	data := map[string]any{"Residents": rs, "Choices": choices, "OrgID": f.OrgID,
		"Q": q, "MinAge": r.FormValue("min_age"), "MaxAge": r.FormValue("max_age")}
	if next := web.Next(rs, f.Limit, func(i int) int64 { return rs[i].ID }); next != 0 {
		data["Next"] = nextURL(r, next)
	}
	if err != nil {
		return h.RenderForm(w, r, "residents", data, err)
	}
	return h.Render(w, r, "residents", data)
}
