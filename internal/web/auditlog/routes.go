package auditlog

import (
	"dangjian/internal/auth"
	"dangjian/internal/web"
)

func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Page("GET", "/audit", h.auditList).Needs(auth.PermAuditRead),
		web.API("GET", "/api/v1/audit", h.apiAuditList).Needs(auth.PermAuditRead),
	}
}

var apiDocs = map[string]web.APIDoc{
	"GET /api/v1/audit": {Summary: "Change log in the caller's audit scope, newest first",
		Query: []string{"entity", "entity_id", "before", "limit"}, Response: apiAuditRow{}, List: true},
}
