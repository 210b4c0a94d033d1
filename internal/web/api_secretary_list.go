package web

import (
	"net/http"

	"dangjian/internal/org"
)

// secretaryFilter reads the 书记队伍 filters shared by page and API.
func secretaryFilter(r *http.Request) org.SecretaryFilter {
	f := org.SecretaryFilter{Type: org.Type(r.FormValue("type")), TownID: queryInt(r, "town_id"),
		WeakOnly: r.FormValue("weak") == "1", Vacant: r.FormValue("vacant") == "1",
		AfterID: queryInt(r, "after"), Limit: int(queryInt(r, "limit"))}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 200
	}
	return f
}

func (s *Server) apiSecretaryList(w http.ResponseWriter, r *http.Request) error {
	f := secretaryFilter(r)
	rows, err := s.svc.Org.Secretaries(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	return writePage(w, rows, len(rows) == f.Limit, func() int64 { return rows[len(rows)-1].Org.ID })
}
