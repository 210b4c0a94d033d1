package people

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/people"
	"dangjian/internal/web"
)

// residentList finds residents by name or id number, village or group
// and age band (e.g. 18–45 for the young-adult skills target).
func (h *handlers) residentList(w http.ResponseWriter, r *http.Request) error {
	a := web.ActorOf(r)
	f, err := residentFilter(r)
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
	data := map[string]any{"Residents": rs, "Choices": choices, "OrgID": f.OrgID,
		"Q": r.FormValue("q"), "MinAge": r.FormValue("min_age"), "MaxAge": r.FormValue("max_age")}
	if next := web.Next(rs, f.Limit, func(i int) int64 { return rs[i].ID }); next != 0 {
		data["Next"] = nextURL(r, next)
	}
	if err != nil {
		return h.RenderForm(w, r, "residents", data, err)
	}
	return h.Render(w, r, "residents", data)
}
