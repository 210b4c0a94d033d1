package people

import (
	"context"
	"fmt"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// Counts gives households, residents and adults (18+ on the clock's
// today) of each organisation in orgIDs, its subtree included, in one
// query however many organisations are asked for: a town overview's
// per-village table costs one round trip. Organisations outside the
// actor's scope are left out.
func (s *Service) Counts(ctx context.Context, a *auth.Actor, orgIDs []int64) (map[int64]Counts, error) {
	out := map[int64]Counts{}
	if len(orgIDs) == 0 {
		return out, nil
	}
	var args db.Args
	adult := args.Add(day.Of(day.Today(s.Clock).Time().AddDate(-AdultAge, 0, 0)))
	ids := db.InList(&args, orgIDs)
	// Each organisation of a root's subtree is counted through the
	// (org_id, …) indexes of households and residents; the subtree is a
	// range on orgs.path, its end computed as db.PathEnd does.
	rows, err := s.DB.QueryContext(ctx, `SELECT x.root, CAST(SUM(x.h) AS BIGINT), CAST(SUM(x.r) AS BIGINT), CAST(SUM(x.a) AS BIGINT)
		FROM (SELECT v.id AS root,
			(SELECT COUNT(*) FROM households h WHERE h.org_id = o.id) AS h,
			(SELECT COUNT(*) FROM residents p WHERE p.org_id = o.id) AS r,
			(SELECT COUNT(*) FROM residents p WHERE p.org_id = o.id AND p.birth_date <= `+adult+`) AS a
			FROM orgs v JOIN orgs o ON o.path >= v.path AND o.path < substr(v.path, 1, length(v.path) - 1) || '0'
			WHERE v.id IN (`+ids+`) AND `+args.Subtree("v.path", a.Scope(auth.PermPeopleRead))+`) x
		GROUP BY x.root`, args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("people: counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c Counts
		if err := rows.Scan(&c.OrgID, &c.Households, &c.Residents, &c.Adults); err != nil {
			return nil, err
		}
		out[c.OrgID] = c
	}
	return out, rows.Err()
}
