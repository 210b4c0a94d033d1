package orglife

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// OverdueItem is one kind of meeting one branch has not held in the
// current period.
type OverdueItem struct {
	OrgID   int64  `json:"org_id"`
	OrgName string `json:"org_name"`
	OrgPath string `json:"-"`
	Outstanding
	// Cursor is this item's place in the list, for ?after=.
	Cursor int64 `json:"-"`
}

// OverdueFilter selects the overdue list.
type OverdueFilter struct {
	OrgID int64 // one branch only
	After int64 // keyset cursor: OverdueItem.Cursor of the last item seen
	Limit int
}

// overdueCursor packs (branch id, kind order) into one number, so the
// API's single "next" cursor can carry it.
func overdueCursor(orgID int64, ord int) int64 { return orgID<<3 | int64(ord) }

// Overdue lists, for every branch in the actor's reading scope, each kind
// of meeting not held (or held only below quorum) in the current period,
// in branch order. It is one query per page however many branches are in
// scope: each kind's part finds the branches without a counting meeting
// since the current period began, with their last counting meeting.
func (s *Service) Overdue(ctx context.Context, a *auth.Actor, f OverdueFilter) ([]OverdueItem, error) {
	today := day.Today(s.Clock)
	limit := db.Limit(f.Limit, 50, 200)
	afterOrg, afterOrd := f.After>>3, int(f.After&7)
	if f.After == 0 {
		afterOrd = -1
	}
	var args db.Args
	parts := make([]string, 0, len(MeetingKinds))
	for i, k := range MeetingKinds {
		kind := args.Add(string(k))
		cond := []string{args.Subtree("o.path", a.Scope(auth.PermMemberRead)), branchTypesSQL}
		if i > afterOrd {
			cond = append(cond, "o.id >= "+args.Add(afterOrg))
		} else {
			cond = append(cond, "o.id > "+args.Add(afterOrg))
		}
		if f.OrgID != 0 {
			cond = append(cond, "o.id = "+args.Add(f.OrgID))
		}
		cond = append(cond, `NOT EXISTS (SELECT 1 FROM meetings c WHERE c.org_id = o.id AND c.kind = `+kind+`
			AND c.counts = TRUE AND c.held_on >= `+args.Add(PeriodOf(k.Cadence(), today).Start)+`)`)
		parts = append(parts, `SELECT * FROM (SELECT o.id AS org_id, o.name AS org_name, o.path AS org_path, `+strconv.Itoa(i)+` AS ord,
			o.founded_on AS founded_on, o.created_at AS created_at,
			(SELECT MIN(f.held_on) FROM meetings f WHERE f.org_id = o.id) AS first_held,
			(SELECT MAX(l.held_on) FROM meetings l WHERE l.org_id = o.id AND l.kind = `+kind+` AND l.counts = TRUE) AS last_held
			FROM orgs o WHERE `+strings.Join(cond, " AND ")+` ORDER BY o.id LIMIT `+strconv.Itoa(limit)+`) q`+strconv.Itoa(i))
	}
	rows, err := s.DB.QueryContext(ctx, strings.Join(parts, " UNION ALL ")+
		` ORDER BY org_id, ord LIMIT `+strconv.Itoa(limit), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("orglife: overdue: %w", err)
	}
	defer rows.Close()
	var out []OverdueItem
	for rows.Next() {
		var it OverdueItem
		var ord int
		var founded, first, last day.Day
		var created scanDay
		if err := rows.Scan(&it.OrgID, &it.OrgName, &it.OrgPath, &ord, &founded, &created, &first, &last); err != nil {
			return nil, err
		}
		kind := MeetingKinds[ord]
		o, ok := outstanding(kind, today, trackingStart(founded, created.D, first), last)
		if !ok {
			continue // cannot happen: the query found no meeting this period
		}
		it.Outstanding = o
		it.Cursor = overdueCursor(it.OrgID, ord)
		out = append(out, it)
	}
	return out, rows.Err()
}

// BranchCompliance is one branch's compliance over one year.
type BranchCompliance struct {
	Branch    BranchInfo       `json:"branch"`
	Year      int              `json:"year"`
	TrackFrom day.Day          `json:"track_from"`
	Kinds     []KindCompliance `json:"kinds"`
}

// ComplianceFilter selects branches for the compliance table.
type ComplianceFilter struct {
	Year  int
	OrgID int64 // one branch only
	After int64 // keyset: branches with a larger id
	Limit int
}

// Compliance computes each branch's compliance with the cadences over a
// year, for a page of branches in the actor's reading scope: two queries
// a page (the branches, then their counting meetings of the year).
func (s *Service) Compliance(ctx context.Context, a *auth.Actor, f ComplianceFilter) ([]BranchCompliance, error) {
	today := day.Today(s.Clock)
	if f.Year == 0 {
		f.Year = today.Year()
	}
	if f.Year < 2000 || f.Year > today.Year() {
		return nil, apperr.Invalid("year", "compliance.year_range", apperr.Params{"max": today.Year()})
	}
	var args db.Args
	where := []string{args.Subtree("o.path", a.Scope(auth.PermMemberRead)), branchTypesSQL}
	if f.OrgID != 0 {
		where = append(where, "o.id = "+args.Add(f.OrgID))
	}
	if f.After != 0 {
		where = append(where, "o.id > "+args.Add(f.After))
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT o.id, COALESCE(o.town_id, 0), o.name, o.type, o.path,
		o.founded_on, o.created_at, (SELECT MIN(f.held_on) FROM meetings f WHERE f.org_id = o.id)
		FROM orgs o WHERE `+strings.Join(where, " AND ")+` ORDER BY o.id LIMIT `+strconv.Itoa(db.Limit(f.Limit, 50, 200)),
		args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("orglife: compliance: %w", err)
	}
	var out []BranchCompliance
	for rows.Next() {
		var bc BranchCompliance
		b := &bc.Branch
		var founded, first day.Day
		var created scanDay
		if err := rows.Scan(&b.ID, &b.TownID, &b.Name, &b.Type, &b.Path, &founded, &created, &first); err != nil {
			rows.Close()
			return nil, err
		}
		bc.Year = f.Year
		bc.TrackFrom = trackingStart(founded, created.D, first)
		out = append(out, bc)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	held, err := countingMeetings(ctx, s.DB, out, f.Year)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Kinds = yearCompliance(f.Year, today, out[i].TrackFrom, held[out[i].Branch.ID])
	}
	return out, nil
}

// countingMeetings loads the dates of the counting meetings of a year for
// the given branches, by branch and kind.
func countingMeetings(ctx context.Context, q db.Queryer, branches []BranchCompliance, year int) (map[int64]map[MeetingKind][]day.Day, error) {
	ids := make([]int64, len(branches))
	for i, b := range branches {
		ids[i] = b.Branch.ID
	}
	var args db.Args
	in := db.InList(&args, ids)
	from := args.Add(day.New(year, time.January, 1))
	to := args.Add(day.New(year+1, time.January, 1))
	rows, err := q.QueryContext(ctx, `SELECT org_id, kind, held_on FROM meetings
		WHERE org_id IN (`+in+`) AND counts = TRUE AND held_on >= `+from+` AND held_on < `+to, args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("orglife: counting meetings: %w", err)
	}
	defer rows.Close()
	out := map[int64]map[MeetingKind][]day.Day{}
	for rows.Next() {
		var org int64
		var kind MeetingKind
		var d day.Day
		if err := rows.Scan(&org, &kind, &d); err != nil {
			return nil, err
		}
		if out[org] == nil {
			out[org] = map[MeetingKind][]day.Day{}
		}
		out[org][kind] = append(out[org][kind], d)
	}
	return out, rows.Err()
}

// BranchFilter selects branches for a chooser.
type BranchFilter struct {
	Perm  auth.Perm // the permission the actor needs over them
	Query string    // part of the name
	After int64
	Limit int
}

// ListBranches lists the 党支部 (group and industry branches) where the
// actor holds a permission, in id order, for pages that start by choosing
// a branch.
func (s *Service) ListBranches(ctx context.Context, a *auth.Actor, f BranchFilter) ([]BranchInfo, error) {
	if f.Perm == "" {
		f.Perm = auth.PermMemberRead
	}
	var args db.Args
	where := []string{args.Subtree("o.path", a.Scope(f.Perm)), branchTypesSQL}
	if q := strings.TrimSpace(f.Query); q != "" {
		where = append(where, "o.name LIKE "+args.Add("%"+q+"%"))
	}
	if f.After != 0 {
		where = append(where, "o.id > "+args.Add(f.After))
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT o.id, COALESCE(o.town_id, 0), o.name, o.type, o.path FROM orgs o
		WHERE `+strings.Join(where, " AND ")+` ORDER BY o.id LIMIT `+strconv.Itoa(db.Limit(f.Limit, 100, 500)), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("orglife: list branches: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, b *BranchInfo) error {
		return r.Scan(&b.ID, &b.TownID, &b.Name, &b.Type, &b.Path)
	})
}
