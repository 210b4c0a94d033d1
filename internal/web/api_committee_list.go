package web

import (
	"net/http"

	"dangjian/internal/org"
)

// villageFilter reads the town-wide table filters shared by page and API.
func villageFilter(r *http.Request) org.VillageFilter {
	f := org.VillageFilter{TownID: queryInt(r, "town_id"), AfterID: queryInt(r, "after"), Limit: int(queryInt(r, "limit"))}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 100
	}
	return f
}

func (s *Server) apiCommitteeList(w http.ResponseWriter, r *http.Request) error {
	f := villageFilter(r)
	cs, err := s.svc.Org.Committees(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	return writePage(w, cs, len(cs) == f.Limit, func() int64 { return cs[len(cs)-1].Org.ID })
}
