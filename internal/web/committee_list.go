package web

import "net/http"

// committeeList is the town-wide 两委 table: each village's members,
// vacancies and people sitting on both committees.
func (s *Server) committeeList(w http.ResponseWriter, r *http.Request) error {
	f := villageFilter(r)
	cs, err := s.svc.Org.Committees(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	var next int64
	if len(cs) == f.Limit {
		next = cs[len(cs)-1].Org.ID
	}
	return s.render(w, r, "committees", map[string]any{"Committees": cs, "Filter": f, "Next": next})
}
