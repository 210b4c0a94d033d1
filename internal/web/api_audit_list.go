package web

import "net/http"

func (s *Server) apiAuditList(w http.ResponseWriter, r *http.Request) error {
	f := auditFilter(r)
	rows, err := s.svc.Auth.ReadAudit(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	out := make([]map[string]any, 0, len(rows))
	for _, a := range rows {
		out = append(out, map[string]any{"id": a.ID, "at": a.At, "actor": a.ActorName, "action": a.Action,
			"entity": a.Entity, "entity_id": a.EntityID, "org_id": a.OrgID, "before": rawJSON(a.Before),
			"after": rawJSON(a.After)})
	}
	return writePage(w, out, len(rows) == f.Limit && len(rows) > 0, func() int64 { return rows[len(rows)-1].ID })
}
