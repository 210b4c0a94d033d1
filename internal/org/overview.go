package org

import (
	"context"
	"fmt"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// VillageStats is one row of a town's overview: a village with the counts
// a town office checks first.
type VillageStats struct {
	Org           Org `json:"org"`
	GroupBranches int `json:"group_branches"`
	VacantPosts   int `json:"vacant_posts"` // in the village and every organisation below it
	OpenWeak      int `json:"open_weak"`    // open 软弱涣散 flags in the village's subtree
	OverdueWeak   int `json:"overdue_weak"` // of those, past their deadline
}

// subtreeOf is the condition that d.path lies under o.path, written with
// the same range as db.Args.Subtree so the path index serves it.
const subtreeOf = `d.path >= o.path AND d.path < SUBSTR(o.path, 1, LENGTH(o.path) - 1) || '0'`

// TownOverview lists a town's villages with their counts in one query,
// however many villages there are (no query per village).
func (s *Service) TownOverview(ctx context.Context, a *auth.Actor, townID int64) ([]VillageStats, error) {
	t, err := s.Get(ctx, a, townID)
	if err != nil {
		return nil, err
	}
	if t.Type != TypeTown {
		return nil, apperr.Rule("org.town_only", apperr.Params{"org": t.Name, "type": typeKey(t.Type)})
	}
	var args db.Args
	today := args.Add(day.Today(s.Clock))
	where := []string{"o.parent_id = " + args.Add(t.ID), "o.type = " + args.Add(string(TypeGeneralBranch)),
		args.Subtree("o.path", a.Scope(auth.PermOrgRead))}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+orgColumns+`,
		(SELECT COUNT(*) FROM orgs b WHERE b.parent_id = o.id AND b.type = `+args.Add(string(TypeBranch))+`),
		(SELECT COUNT(*) FROM orgs d JOIN posts p ON p.org_id = d.id WHERE `+subtreeOf+`
			AND NOT EXISTS (SELECT 1 FROM post_terms t WHERE t.post_id = p.id AND t.ended_on IS NULL)),
		(SELECT COUNT(*) FROM weak_flags w JOIN orgs d ON d.id = w.org_id WHERE `+subtreeOf+`
			AND w.closed_on IS NULL),
		(SELECT COUNT(*) FROM weak_flags w JOIN orgs d ON d.id = w.org_id WHERE `+subtreeOf+`
			AND w.closed_on IS NULL AND w.deadline < `+today+`)
		FROM orgs o WHERE `+strings.Join(where, " AND ")+` ORDER BY o.sort_order, o.id`, args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("org: town overview: %w", err)
	}
	defer rows.Close()
	out := []VillageStats{}
	for rows.Next() {
		var v VillageStats
		var err error
		if v.Org, err = scanOrg(rows, &v.GroupBranches, &v.VacantPosts, &v.OpenWeak, &v.OverdueWeak); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Totals adds up an overview's rows for its last line.
func Totals(rows []VillageStats) VillageStats {
	var t VillageStats
	for _, r := range rows {
		t.GroupBranches += r.GroupBranches
		t.VacantPosts += r.VacantPosts
		t.OpenWeak += r.OpenWeak
		t.OverdueWeak += r.OverdueWeak
	}
	return t
}
