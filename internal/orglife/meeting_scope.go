package orglife

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/members"
)

// BranchInfo is the organisation an activity record hangs on, with what a
// scope check needs.
type BranchInfo struct {
	ID     int64  `json:"id"`
	TownID int64  `json:"town_id"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	Path   string `json:"-"`
}

// holdsMeetings reports whether the organisation is a 党支部 that keeps
// 三会一课: a group branch or an industry party organisation.
func (b BranchInfo) holdsMeetings() bool { return b.Type == "branch" || b.Type == "industry" }

// branchTypesSQL is the same test in SQL, for lists over many branches.
const branchTypesSQL = `o.type IN ('branch', 'industry')`

func loadBranchRef(ctx context.Context, q db.Queryer, id int64) (BranchInfo, error) {
	var b BranchInfo
	err := q.QueryRowContext(ctx, `SELECT id, COALESCE(town_id, 0), name, type, path FROM orgs WHERE id = $1`, id).
		Scan(&b.ID, &b.TownID, &b.Name, &b.Type, &b.Path)
	if errors.Is(err, sql.ErrNoRows) {
		return b, apperr.NotFound()
	}
	if err != nil {
		return b, fmt.Errorf("orglife: load organisation %d: %w", id, err)
	}
	return b, nil
}

// branchFor loads a branch and checks that the actor holds perm over it.
// A nil actor is the command line or the demo loader.
func branchFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, perm auth.Perm) (BranchInfo, error) {
	b, err := loadBranchRef(ctx, q, id)
	if err != nil {
		return b, err
	}
	if err := members.DecideMemberScope(a, perm, b.Path); err != nil {
		return BranchInfo{}, err
	}
	return b, nil
}

// branchMembersOn lists the members of a branch on day d, in name order
// then id. One query; the date rules are applied in Go (MemberOn) so they
// are the same everywhere.
func branchMembersOn(ctx context.Context, q db.Queryer, orgID int64, d day.Day) ([]members.Member, error) {
	everyone, err := members.BranchRoster(ctx, q, orgID)
	if err != nil {
		return nil, err
	}
	return membersOn(everyone, d), nil
}

// membersOn keeps those of a roster who were members on day d.
func membersOn(roster []members.Member, d day.Day) []members.Member {
	var out []members.Member
	for _, m := range roster {
		if m.MemberOn(d.Time()) {
			out = append(out, m)
		}
	}
	return out
}

// scanDay reads the calendar day (in UTC) of an instant that a driver
// may hand back as a time or, from a subquery's column on SQLite, which
// has no declared type there, as text.
type scanDay struct{ D day.Day }

func (s *scanDay) Scan(v any) error {
	s.D = day.Day{}
	switch x := v.(type) {
	case nil:
		return nil
	case time.Time:
		s.D = day.Of(x.UTC())
		return nil
	case string:
		return s.parse(x)
	case []byte:
		return s.parse(string(x))
	}
	return fmt.Errorf("scanDay: unsupported %T", v)
}

func (s *scanDay) parse(v string) error {
	for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano,
		"2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(v)); err == nil {
			s.D = day.Of(t.UTC())
			return nil
		}
	}
	return fmt.Errorf("scanDay: cannot read %q as a date", v)
}
