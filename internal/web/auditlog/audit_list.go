package auditlog

import (
	"net/http"

	"dangjian/internal/audit"
	"dangjian/internal/web"
)

// auditFilter reads the audit list's query: entity, entity id and the
// keyset cursor "before".
func auditFilter(r *http.Request) audit.Filter {
	return audit.Filter{Entity: r.FormValue("entity"), EntityID: web.QueryInt(r, "entity_id"),
		BeforeID: web.QueryInt(r, "before"), Limit: 50}
}

func (h *handlers) auditList(w http.ResponseWriter, r *http.Request) error {
	f := auditFilter(r)
	rows, err := h.Svc.Auth.ReadAudit(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return err
	}
	next := web.Next(rows, f.Limit, func(i int) int64 { return rows[i].ID })
	return h.Render(w, r, "audit", map[string]any{"Rows": auditEntries(rows, web.ActorOf(r), web.LangOf(r)),
		"Next": next, "Filter": f, "Entities": entityNames()})
}
