package web

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/people"
)

// residentList finds residents by name or id number, village or group
// and age band (e.g. 18–45 for the young-adult skills target).
func (s *Server) residentList(w http.ResponseWriter, r *http.Request) error {
	a := actorOf(r)
	f, err := residentFilter(r)
	if f.Limit == 0 {
		f.Limit = 50
	}
	var rs []people.Resident
	if err == nil {
		rs, err = s.svc.People.ListResidents(r.Context(), a, f)
	}
	if err != nil && apperr.KindOf(err) != apperr.KindInvalid {
		return err
	}
	choices, cerr := s.svc.People.OrgChoices(r.Context(), a, auth.PermPeopleRead)
	if cerr != nil {
		return cerr
	}
	data := map[string]any{"Residents": rs, "Choices": choices, "OrgID": f.OrgID,
		"Q": r.FormValue("q"), "MinAge": r.FormValue("min_age"), "MaxAge": r.FormValue("max_age")}
	if len(rs) == f.Limit {
		data["Next"] = nextURL(r, rs[len(rs)-1].ID)
	}
	if err != nil {
		return s.renderForm(w, r, "residents", data, err)
	}
	return s.render(w, r, "residents", data)
}
