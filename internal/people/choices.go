package people

import (
	"context"
	"database/sql"
	"fmt"

	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// OrgChoices lists the villages and group branches where the actor holds
// perm, each village followed by its groups, for a form's select.
func (s *Service) OrgChoices(ctx context.Context, a *auth.Actor, perm auth.Perm) ([]OrgChoice, error) {
	var args db.Args
	rows, err := s.DB.QueryContext(ctx, `SELECT o.id, o.name, o.type, o.path, COALESCE(NULLIF(v.short_name, ''), v.name)
		FROM orgs o JOIN orgs v ON v.id = CASE WHEN o.type = 'branch' THEN o.parent_id ELSE o.id END
		WHERE o.type IN ('general_branch', 'branch') AND `+args.Subtree("o.path", a.Scope(perm))+`
		ORDER BY v.sort_order, v.id, CASE WHEN o.type = 'branch' THEN 1 ELSE 0 END, o.sort_order, o.id
		LIMIT 2000`, args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("people: org choices: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, c *OrgChoice) error {
		return r.Scan(&c.ID, &c.Name, &c.Type, &c.Path, &c.Village)
	})
}
