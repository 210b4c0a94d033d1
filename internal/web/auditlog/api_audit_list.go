package auditlog

import (
	"dangjian/internal/web"
	"net/http"
)

func (h *handlers) apiAuditList(w http.ResponseWriter, r *http.Request) error {
	f := auditFilter(r)
	var err error
	if f.Limit, err = web.Limit(r); err != nil {
		return err
	}
	rows, err := h.Svc.Auth.ReadAudit(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	out := make([]map[string]any, 0, len(rows))
	for _, a := range rows {
		out = append(out, map[string]any{"id": a.ID, "at": a.At, "actor": a.ActorName, "action": a.Action,
			"entity": a.Entity, "entity_id": a.EntityID, "org_id": a.OrgID, "before": web.RawJSON(a.Before),
			"after": web.RawJSON(a.After)})
	}
	return web.WriteList(w, out, f.Limit, func(i int) int64 { return rows[i].ID })
}
