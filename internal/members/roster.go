package members

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// Filter selects people for the roster list and its export.
type Filter struct {
	OrgID    int64    // the subtree to list; 0 is the actor's whole scope
	Status   string   // "" = party members (正式+预备); "pipeline"; "all"; or one Status
	Category Category // one focus group
	Name     string   // part of the name
	Mobile   bool     // only 流动党员
	AfterID  int64    // keyset pagination: ids above this
	Limit    int
}

// statusCond is the status part of a filter's condition.
func statusCond(f Filter, args *db.Args) string {
	switch f.Status {
	case "":
		return "m.status IN ('probationary', 'full')"
	case "pipeline":
		return "m.status IN ('applicant', 'activist', 'candidate')"
	case "all":
		return ""
	}
	return "m.status = " + args.Add(f.Status)
}

// where builds the filter's condition over the area.
func (f Filter) where(ar area, args *db.Args) string {
	conds := []string{ar.cond(args)}
	if c := statusCond(f, args); c != "" {
		conds = append(conds, c)
	}
	if f.Category != "" {
		conds = append(conds, "m.category = "+args.Add(string(f.Category)))
	}
	if q := strings.TrimSpace(f.Name); q != "" {
		conds = append(conds, "m.name LIKE "+args.Add("%"+q+"%"))
	}
	if f.Mobile {
		conds = append(conds, "m.mobile = "+args.Add(true))
	}
	return strings.Join(conds, " AND ")
}

// List returns one page of the roster in id order; the next page starts
// after the last id. The area condition uses the index of its level
// (branch org_id, village_id, town_id, each with status and id).
func (s *Service) List(ctx context.Context, a *auth.Actor, f Filter) ([]Member, error) {
	ar, err := s.areaFor(ctx, a, f.OrgID)
	if err != nil {
		return nil, err
	}
	limit := db.Limit(f.Limit, 50, 200)
	var args db.Args
	where := f.where(ar, &args)
	if f.AfterID > 0 {
		where += " AND m.id > " + args.Add(f.AfterID)
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+memberColumns+memberFrom+` WHERE `+where+
		` ORDER BY m.id LIMIT `+strconv.Itoa(limit), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("members: list roster: %w", err)
	}
	defer rows.Close()
	out := make([]Member, 0, limit)
	r := newMemberRow()
	for rows.Next() {
		if err := r.scan(rows); err != nil {
			return nil, err
		}
		out = append(out, r.m)
	}
	return out, rows.Err()
}

// Counts are the people under an organisation per status, for its page.
func (s *Service) Counts(ctx context.Context, a *auth.Actor, orgID int64) (map[Status]int, error) {
	ar, err := s.areaFor(ctx, a, orgID)
	if err != nil {
		return nil, err
	}
	var args db.Args
	rows, err := s.DB.QueryContext(ctx, `SELECT m.status, COUNT(*)`+memberFrom+` WHERE `+ar.cond(&args)+
		` GROUP BY m.status`, args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("members: counts: %w", err)
	}
	defer rows.Close()
	out := map[Status]int{}
	for rows.Next() {
		var st Status
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}
