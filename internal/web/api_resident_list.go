package web

import (
	"net/http"

	"dangjian/internal/people"
)

func (s *Server) apiResidentList(w http.ResponseWriter, r *http.Request) error {
	f, err := residentFilter(r)
	if err != nil {
		return err
	}
	if f.Limit == 0 {
		f.Limit = 100
	}
	rs, err := s.svc.People.ListResidents(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	if rs == nil {
		rs = []people.Resident{}
	}
	return writePage(w, rs, len(rs) == f.Limit, func() int64 { return rs[len(rs)-1].ID })
}
