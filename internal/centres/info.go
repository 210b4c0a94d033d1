package centres

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// InfoCategories are the kinds of 民情信息 the mediation centre collects.
var InfoCategories = []string{"livelihood", "land", "infrastructure", "environment", "security", "policy", "other"}

// Info is one piece of 民情信息.
type Info struct {
	ID       int64   `json:"id"`
	OrgID    int64   `json:"org_id"`
	Village  string  `json:"village"`
	Category string  `json:"category"`
	NotedOn  day.Day `json:"noted_on"`
	Summary  string  `json:"summary"`
}

// NewInfo is the input of AddInfo.
type NewInfo struct {
	OrgID    int64
	Category string
	NotedOn  day.Day
	Summary  string
}

// AddInfo records 民情信息 of a village (centres.write).
func (s *Service) AddInfo(ctx context.Context, a *auth.Actor, in NewInfo) (Info, error) {
	var out Info
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermCentresRead, auth.PermCentresWrite)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		if !slices.Contains(InfoCategories, in.Category) {
			f.Add("category", "centres.choose", nil)
		}
		in.Summary = apperr.Prose(f, "summary", in.Summary, 2000, true)
		if in.NotedOn.IsZero() {
			f.Add("noted_on", "error.required", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		if err := notFuture("noted_on", in.NotedOn, s.today()); err != nil {
			return err
		}
		out = Info{OrgID: v.ID, Village: v.Name, Category: in.Category, NotedOn: in.NotedOn, Summary: in.Summary}
		if err := tx.QueryRowContext(ctx, `INSERT INTO centre_info(town_id, org_id, category, noted_on, summary, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, db.NullID(v.TownID), v.ID, out.Category, out.NotedOn, out.Summary,
			s.Clock.Now()).Scan(&out.ID); err != nil {
			return err
		}
		return s.record(ctx, tx, a, "info.add", "centre_info", out.ID, v.ID, nil,
			map[string]any{"category": out.Category, "noted_on": out.NotedOn})
	})
	return out, err
}

// InfoFilter selects 民情信息 of a year, newest first.
type InfoFilter struct {
	OrgID  int64
	Year   int
	Before int64 // keyset: the id of the last entry of the previous page
	Limit  int
}

// ListInfo lists 民情信息 in the actor's centres.read scope, newest first.
func (s *Service) ListInfo(ctx context.Context, a *auth.Actor, f InfoFilter) ([]Info, error) {
	ar, err := areaFor(ctx, s.DB, a, auth.PermCentresRead, f.OrgID)
	if err != nil {
		return nil, err
	}
	var args db.Args
	where := ar.cond(&args, "x") + ` AND x.noted_on >= ` + args.Add(day.New(f.Year, 1, 1)) + ` AND x.noted_on < ` +
		args.Add(day.New(f.Year+1, 1, 1))
	if f.Before != 0 {
		p := args.Add(f.Before)
		where += ` AND (x.noted_on < (SELECT noted_on FROM centre_info WHERE id = ` + p + `)
			OR (x.noted_on = (SELECT noted_on FROM centre_info WHERE id = ` + p + `) AND x.id < ` + p + `))`
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT x.id, x.org_id, CASE WHEN o.short_name <> '' THEN o.short_name ELSE o.name END,
		x.category, x.noted_on, x.summary FROM centre_info x JOIN orgs o ON o.id = x.org_id WHERE `+where+
		` ORDER BY x.noted_on DESC, x.id DESC LIMIT `+strconv.Itoa(db.Limit(f.Limit, 50, 200)), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("centres: list info: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, x *Info) error {
		return r.Scan(&x.ID, &x.OrgID, &x.Village, &x.Category, &x.NotedOn, &x.Summary)
	})
}

// Count is one line of an analysis: a key and how many.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// InfoAnalysis is a year's 民情信息 counted by category, by village and
// by month (1–12, every month present).
type InfoAnalysis struct {
	Year       int     `json:"year"`
	Total      int     `json:"total"`
	ByCategory []Count `json:"by_category"`
	ByVillage  []Count `json:"by_village"`
	ByMonth    []Count `json:"by_month"`
}

// AnalyseInfo counts a year's 民情信息 in the actor's scope in one query,
// grouped in Go so both databases count months alike.
func (s *Service) AnalyseInfo(ctx context.Context, a *auth.Actor, orgID int64, year int) (InfoAnalysis, error) {
	out := InfoAnalysis{Year: year, ByCategory: []Count{}, ByVillage: []Count{}, ByMonth: make([]Count, 12)}
	ar, err := areaFor(ctx, s.DB, a, auth.PermCentresRead, orgID)
	if err != nil {
		return out, err
	}
	var args db.Args
	rows, err := s.DB.QueryContext(ctx, `SELECT CASE WHEN o.short_name <> '' THEN o.short_name ELSE o.name END, x.category,
		x.noted_on FROM centre_info x JOIN orgs o ON o.id = x.org_id WHERE `+ar.cond(&args, "x")+` AND x.noted_on >= `+
		args.Add(day.New(year, 1, 1))+` AND x.noted_on < `+args.Add(day.New(year+1, 1, 1)), args.Values()...)
	if err != nil {
		return out, fmt.Errorf("centres: analyse info: %w", err)
	}
	type row struct {
		village, category string
		on                day.Day
	}
	rs, err := db.Collect(rows, func(r *sql.Rows, x *row) error { return r.Scan(&x.village, &x.category, &x.on) })
	if err != nil {
		return out, err
	}
	byCat, byVillage := map[string]int{}, map[string]int{}
	for i := range out.ByMonth {
		out.ByMonth[i].Key = strconv.Itoa(i + 1)
	}
	for _, r := range rs {
		byCat[r.category]++
		byVillage[r.village]++
		out.ByMonth[int(r.on.Month())-1].Count++
	}
	out.Total = len(rs)
	out.ByCategory, out.ByVillage = ranked(byCat), ranked(byVillage)
	return out, nil
}

// ranked orders counts largest first, then by key.
func ranked(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}
