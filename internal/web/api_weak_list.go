package web

import (
	"net/http"

	"dangjian/internal/org"
)

// weakFilter reads the list filters shared by the page and the API.
func weakFilter(r *http.Request) org.WeakFilter {
	f := org.WeakFilter{Status: org.WeakStatus(r.FormValue("status")), TownID: queryInt(r, "town_id"),
		AfterID: queryInt(r, "after"), Limit: int(queryInt(r, "limit"))}
	if f.Status != org.WeakClosed {
		f.Status = org.WeakOpen
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	return f
}

func (s *Server) apiWeakList(w http.ResponseWriter, r *http.Request) error {
	f := weakFilter(r)
	flags, err := s.svc.Org.ListWeak(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	if flags == nil {
		flags = []org.WeakFlag{}
	}
	return writePage(w, flags, len(flags) == f.Limit, func() int64 { return flags[len(flags)-1].ID })
}
