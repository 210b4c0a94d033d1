package web

import (
	"net/http"

	"dangjian/internal/people"
)

func (s *Server) apiHouseholdList(w http.ResponseWriter, r *http.Request) error {
	f := householdFilter(r)
	if f.Limit == 0 {
		f.Limit = 100
	}
	hs, err := s.svc.People.ListHouseholds(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	if hs == nil {
		hs = []people.Household{}
	}
	return writePage(w, hs, len(hs) == f.Limit, func() int64 { return hs[len(hs)-1].ID })
}
