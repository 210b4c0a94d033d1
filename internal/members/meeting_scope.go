package members

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
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
		return b, fmt.Errorf("members: load organisation %d: %w", id, err)
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
	if err := decide(a, perm, b.Path); err != nil {
		return BranchInfo{}, err
	}
	return b, nil
}

// MemberOn reports whether the person was a party member (预备 or 正式)
// on day d. Records imported without a joining date count as members
// from the start; leaving ends membership on the day of leaving.
func (m Member) MemberOn(d time.Time) bool {
	switch m.Status {
	case StatusProbationary, StatusFull:
	case StatusLeft:
		if m.JoinedOn == nil && m.FullOn == nil {
			return false // left the pipeline before ever joining
		}
	default:
		return false
	}
	if m.JoinedOn != nil && m.JoinedOn.After(d) {
		return false
	}
	if m.LeftOn != nil && !m.LeftOn.After(d) {
		return false
	}
	return true
}

// votingOn reports whether the member had a vote on day d: a 正式党员
// by then. 预备党员 take part in meetings without a vote.
func (m Member) votingOn(d time.Time) bool {
	if !m.MemberOn(d) {
		return false
	}
	if m.FullOn != nil {
		return !m.FullOn.After(d)
	}
	return m.Status == StatusFull
}

// branchMembersOn lists the members of a branch on day d, in name order
// then id. One query; the date rules are applied in Go (MemberOn) so they
// are the same everywhere.
func branchMembersOn(ctx context.Context, q db.Queryer, orgID int64, d time.Time) ([]Member, error) {
	everyone, err := branchRoster(ctx, q, orgID)
	if err != nil {
		return nil, err
	}
	return membersOn(everyone, d), nil
}

// branchRoster is everyone who has been a member of the branch (members
// and those who left), in name order then id, for membersOn to narrow to
// one day.
func branchRoster(ctx context.Context, q db.Queryer, orgID int64) ([]Member, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+memberColumns+memberFrom+`
		WHERE m.org_id = $1 AND m.status IN ('probationary', 'full', 'left')
		ORDER BY m.name, m.id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("members: branch members on: %w", err)
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// membersOn keeps those of a roster who were members on day d.
func membersOn(roster []Member, d time.Time) []Member {
	var out []Member
	for _, m := range roster {
		if m.MemberOn(d) {
			out = append(out, m)
		}
	}
	return out
}

// scanDay reads a date that a driver may hand back as a time (a DATE
// column) or as text (an aggregate such as MAX over a DATE column on
// SQLite, which has no declared type).
type scanDay struct {
	T     time.Time
	Valid bool
}

func (s *scanDay) Scan(v any) error {
	s.Valid = false
	switch x := v.(type) {
	case nil:
		return nil
	case time.Time:
		s.T, s.Valid = db.Day(x), true
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
			s.T, s.Valid = db.Day(t), true
			return nil
		}
	}
	return fmt.Errorf("scanDay: cannot read %q as a date", v)
}

func (s scanDay) ptr() *time.Time {
	if !s.Valid {
		return nil
	}
	t := s.T
	return &t
}

// actorUserID is the users.id to store for who did something; the system
// (nil actor) is stored as NULL.
func actorUserID(a *auth.Actor) any {
	if a == nil || a.UserID == 0 {
		return nil
	}
	return a.UserID
}
