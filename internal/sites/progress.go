package sites

import (
	"context"
	"database/sql"
	"fmt"

	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// VillageProgress is where one village's sites stand: its general
// branch's own site and its group branches' sites, counted by status.
type VillageProgress struct {
	VillageID   int64          `json:"village_id"`
	VillageName string         `json:"village_name"`
	General     Status         `json:"general_status"` // "" when the general branch has no site project
	GeneralSite int64          `json:"general_site_id,omitempty"`
	InPlan      bool           `json:"in_plan"` // the general branch's site is in a plan
	Groups      int            `json:"groups"`
	GroupSites  map[Status]int `json:"group_sites"`
	NoSite      int            `json:"groups_without_site"`
}

// TownProgress is the progress of every village of a town: the plan's
// sites and the others they lead (辐射带动), with the town's totals.
type TownProgress struct {
	TownID   int64             `json:"town_id"`
	Villages []VillageProgress `json:"villages"`
	General  map[Status]int    `json:"general_sites"`
	GeneralN int               `json:"general_branches"`
	Groups   map[Status]int    `json:"group_sites"`
	GroupsN  int               `json:"group_branches"`
}

// Progress counts the sites of every general branch and group branch of
// a town by status (org.read over the town), in one query.
func (s *Service) Progress(ctx context.Context, a *auth.Actor, townID int64) (TownProgress, error) {
	tp := TownProgress{TownID: townID, Villages: []VillageProgress{}, General: map[Status]int{}, Groups: map[Status]int{}}
	town, err := townFor(ctx, s.DB, a, townID, "")
	if err != nil {
		return tp, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT o.id, o.type, COALESCE(o.parent_id, 0), COALESCE(o.short_name, ''), o.name,
		COALESCE(s.id, 0), COALESCE(s.plan_id, 0), s.started_on, s.completed_on, s.accepted_on
		FROM orgs o LEFT JOIN sites s ON s.org_id = o.id
		WHERE o.town_id = $1 AND o.type IN ('general_branch', 'branch') ORDER BY o.path, s.id`, town.ID)
	if err != nil {
		return tp, fmt.Errorf("sites: progress: %w", err)
	}
	type row struct {
		id, parent, site, plan int64
		typ, short, name       string
		x                      Site
	}
	got, err := db.Collect(rows, func(r *sql.Rows, x *row) error {
		return r.Scan(&x.id, &x.typ, &x.parent, &x.short, &x.name, &x.site, &x.plan, &x.x.StartedOn, &x.x.CompletedOn, &x.x.AcceptedOn)
	})
	if err != nil {
		return tp, err
	}
	byVillage := map[int64]int{}
	seen := map[int64]bool{} // an organisation with several projects counts by its latest
	for i := len(got) - 1; i >= 0; i-- {
		if seen[got[i].id] {
			got[i].site = -1
		}
		seen[got[i].id] = true
	}
	for _, r := range got {
		if r.site < 0 {
			continue
		}
		st := Status("")
		if r.site != 0 {
			st = r.x.Status()
		}
		if r.typ == "general_branch" {
			name := r.short
			if name == "" {
				name = r.name
			}
			byVillage[r.id] = len(tp.Villages)
			tp.Villages = append(tp.Villages, VillageProgress{VillageID: r.id, VillageName: name, General: st,
				GeneralSite: r.site, InPlan: r.plan != 0, GroupSites: map[Status]int{}})
			tp.GeneralN++
			if st != "" {
				tp.General[st]++
			}
			continue
		}
		i, ok := byVillage[r.parent]
		if !ok {
			continue
		}
		v := &tp.Villages[i]
		v.Groups++
		tp.GroupsN++
		if st == "" {
			v.NoSite++
			continue
		}
		v.GroupSites[st]++
		tp.Groups[st]++
	}
	return tp, nil
}
