package web

import (
	"net/http"

	"dangjian/internal/org"
)

func (s *Server) apiOrgList(w http.ResponseWriter, r *http.Request) error {
	f := orgFilter(r)
	if f.Limit == 0 {
		f.Limit = 200
	}
	orgs, err := s.svc.Org.List(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	if orgs == nil {
		orgs = []org.Org{}
	}
	return writePage(w, orgs, len(orgs) == f.Limit, func() int64 { return orgs[len(orgs)-1].ID })
}
