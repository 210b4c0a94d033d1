package web

import (
	"net/http"

	"dangjian/internal/org"
)

// orgFilter reads the list filters shared by the page and the API.
func orgFilter(r *http.Request) org.Filter {
	return org.Filter{Type: org.Type(r.FormValue("type")), ParentID: queryInt(r, "parent_id"),
		TownID: queryInt(r, "town_id"), Query: r.FormValue("q"), AfterID: queryInt(r, "after"),
		Limit: int(queryInt(r, "limit"))}
}

func (s *Server) orgList(w http.ResponseWriter, r *http.Request) error {
	f := orgFilter(r)
	if f.Limit == 0 {
		f.Limit = 100
	}
	orgs, err := s.svc.Org.List(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	var next int64
	if len(orgs) == f.Limit {
		next = orgs[len(orgs)-1].ID
	}
	return s.render(w, r, "orgs", map[string]any{"Orgs": orgs, "Filter": f, "Next": next, "Types": org.Types})
}
