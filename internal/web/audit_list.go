package web

import (
	"net/http"

	"dangjian/internal/audit"
)

// auditFilter reads the audit list's query: entity, entity id and the
// keyset cursor "before".
func auditFilter(r *http.Request) audit.Filter {
	return audit.Filter{Entity: r.FormValue("entity"), EntityID: queryInt(r, "entity_id"),
		BeforeID: queryInt(r, "before"), Limit: 50}
}

func (s *Server) auditList(w http.ResponseWriter, r *http.Request) error {
	f := auditFilter(r)
	rows, err := s.svc.Auth.ReadAudit(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	var next int64
	if len(rows) == f.Limit {
		next = rows[len(rows)-1].ID
	}
	return s.render(w, r, "audit", map[string]any{"Rows": rows, "Next": next, "Filter": f})
}
