package auth

import (
	"context"

	"dangjian/internal/audit"
)

// ReadAudit lists change records in the subtrees where the actor may read
// the audit log, newest first.
func (s *Service) ReadAudit(ctx context.Context, a *Actor, f audit.Filter) ([]audit.Listed, error) {
	f.All = false
	f.OrgPaths = a.Scope(PermAuditRead)
	return audit.List(ctx, s.DB, f)
}
