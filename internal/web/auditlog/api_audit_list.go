package auditlog

import (
	"encoding/json"
	"net/http"

	"dangjian/internal/web"
)

// apiAuditRow is a log row for other systems: the reader's view (names,
// labels, link) plus the stored before and after as they were written.
type apiAuditRow struct {
	auditEntry
	Before json.RawMessage `json:"before"`
	After  json.RawMessage `json:"after"`
}

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
	entries := auditEntries(rows, web.ActorOf(r), web.LangOf(r))
	out := make([]apiAuditRow, len(rows))
	for i, a := range rows {
		out[i] = apiAuditRow{entries[i], web.RawJSON(a.Before), web.RawJSON(a.After)}
	}
	return web.WriteList(w, out, f.Limit, func(i int) int64 { return rows[i].ID })
}
