package centres

import (
	"context"
	"database/sql"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/org"
)

// Work is a centre's open and overdue work of one kind.
type Work struct {
	Kind    string `json:"kind"` // cases, requests, key_visits, vulnerable_visits
	Open    int    `json:"open"`
	Overdue int    `json:"overdue"`
}

// workKinds are the kinds of work each centre carries here; the
// sensitive registers' visits count only for readers of them.
var workKinds = map[string][]string{
	"mediation": {"cases", "key_visits"},
	"service":   {"requests", "vulnerable_visits"},
}

// CentrePage is one village's centre: its seats derived from today's
// post holders, who held those posts before, and its open work.
type CentrePage struct {
	VillageID   int64          `json:"village_id"`
	Village     string         `json:"village"`
	VillagePath string         `json:"-"`
	Centre      org.Centre     `json:"centre"`
	History     []org.PostTerm `json:"history"`
	Work        []Work         `json:"work"`
	Sensitive   bool           `json:"sensitive"` // the reader may open the centre's register
}

// Centre is a village's centre by code (education, technology, mediation,
// culture, service) to anyone who reads the village (org.read); its
// leaders come from internal/org, derived from post holders.
func (s *Service) Centre(ctx context.Context, a *auth.Actor, villageID int64, code string) (CentrePage, error) {
	k, ok := org.CentreKindOf(code)
	if !ok {
		return CentrePage{}, apperr.NotFound()
	}
	cs, err := s.Org.Centres(ctx, a, villageID)
	if err != nil {
		return CentrePage{}, err
	}
	v, err := loadPlace(ctx, s.DB, villageID)
	if err != nil {
		return CentrePage{}, err
	}
	p := CentrePage{VillageID: v.ID, Village: v.Name, VillagePath: v.Path}
	for _, c := range cs {
		if c.Code == code {
			p.Centre = c
		}
	}
	if p.History, err = s.Org.CentreHistory(ctx, a, villageID, k); err != nil {
		return p, err
	}
	work, err := s.work(ctx, a, area{col: "org_id", id: v.ID})
	if err != nil {
		return p, err
	}
	p.Work = work[v.ID][code]
	if p.Work == nil {
		p.Work = []Work{}
	}
	p.Sensitive = a.Sees(auth.PermCentresSensitive, v.Path)
	return p, nil
}

// VillageRow is one village's line of the town's table of centres.
type VillageRow struct {
	Village org.Org           `json:"village"`
	Centres []org.Centre      `json:"centres"`
	Work    map[string][]Work `json:"work"` // by centre code
}

// TownCentres lists the five centres of every village of a town (or the
// actor's scope) with their leaders and open work: four queries for the
// whole town, whatever its size.
func (s *Service) TownCentres(ctx context.Context, a *auth.Actor, townID int64) ([]VillageRow, error) {
	vs, err := s.Org.TownCentres(ctx, a, org.VillageFilter{TownID: townID, Limit: 200})
	if err != nil {
		return nil, err
	}
	ar := area{paths: a.Scope(auth.PermOrgRead)}
	if a == nil {
		ar.paths = []string{"/"}
	}
	if townID != 0 {
		ar = area{col: "town_id", id: townID}
	}
	work, err := s.work(ctx, a, ar)
	if err != nil {
		return nil, err
	}
	out := make([]VillageRow, len(vs))
	for i, v := range vs {
		w := work[v.Village.ID]
		if w == nil {
			w = map[string][]Work{}
		}
		out[i] = VillageRow{Village: v.Village, Centres: v.Centres, Work: w}
	}
	return out, nil
}

// work counts open and overdue work by village and centre in an area,
// judging every deadline with Judge. Cases and requests count for readers
// of the centres (centres.read), visits for readers of the registers
// (centres.sensitive), each within the actor's scope of that permission.
func (s *Service) work(ctx context.Context, a *auth.Actor, ar area) (map[int64]map[string][]Work, error) {
	today := s.today()
	out := map[int64]map[string][]Work{}
	add := func(village int64, centre, kind string, overdue bool) {
		if out[village] == nil {
			out[village] = map[string][]Work{}
		}
		ws := out[village][centre]
		i := -1
		for j, w := range ws {
			if w.Kind == kind {
				i = j
			}
		}
		if i < 0 {
			ws = append(ws, Work{Kind: kind})
			i = len(ws) - 1
		}
		ws[i].Open++
		if overdue {
			ws[i].Overdue++
		}
		out[village][centre] = ws
	}
	queries := []struct {
		centre, kind, sql string
		perm              auth.Perm
	}{
		{"mediation", "cases", `SELECT x.org_id, x.deadline, o.path FROM centre_cases x JOIN orgs o ON o.id = x.org_id WHERE x.state = 'open'`, auth.PermCentresRead},
		{"service", "requests", `SELECT x.org_id, x.deadline, o.path FROM centre_requests x JOIN orgs o ON o.id = x.org_id WHERE x.state = 'open'`, auth.PermCentresRead},
		{"mediation", "key_visits", `SELECT x.org_id, x.due_on, o.path FROM centre_visit_plans x JOIN orgs o ON o.id = x.org_id
			WHERE x.done_on IS NULL AND x.register = 'key'`, auth.PermCentresSensitive},
		{"service", "vulnerable_visits", `SELECT x.org_id, x.due_on, o.path FROM centre_visit_plans x JOIN orgs o ON o.id = x.org_id
			WHERE x.done_on IS NULL AND x.register = 'vulnerable'`, auth.PermCentresSensitive},
	}
	for _, q := range queries {
		if a != nil && !a.Can(q.perm) {
			continue
		}
		var args db.Args
		rows, err := s.DB.QueryContext(ctx, q.sql+` AND `+ar.cond(&args, "x"), args.Values()...)
		if err != nil {
			return nil, fmt.Errorf("centres: work: %w", err)
		}
		type row struct {
			village int64
			due     day.Day
			path    string
		}
		rs, err := db.Collect(rows, func(r *sql.Rows, x *row) error { return r.Scan(&x.village, &x.due, &x.path) })
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			if a.Sees(q.perm, r.path) {
				add(r.village, q.centre, q.kind, s.Judge(r.due, false, today) == DueOverdue)
			}
		}
	}
	for _, byCentre := range out {
		for c := range byCentre {
			if workKinds[c] == nil {
				delete(byCentre, c)
			}
		}
	}
	return out, nil
}
