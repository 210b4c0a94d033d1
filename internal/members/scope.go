package members

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/org"
)

// memberColumns is the SELECT list every member read uses, so one scan
// function serves the page, the lists and the export. The org join gives
// the branch's name and path (the path is what scope is checked on).
//
// The dates are read as their text: a driver hands a DATE column over as
// a parsed instant (on SQLite by trying layouts on the stored text), five
// a row, a fifth of a list request; the text becomes a day without that
// (day.Day.Scan).
const memberColumns = `m.id, COALESCE(m.town_id, 0), m.org_id, o.name, o.path, COALESCE(m.resident_id, 0),
	m.name, m.id_masked, CAST(m.birth_date AS TEXT), m.sex, m.phone, m.education, m.category, m.status,
	CAST(m.applied_on AS TEXT), CAST(m.joined_on AS TEXT), CAST(m.full_on AS TEXT), m.mobile, CAST(m.left_on AS TEXT),
	m.left_reason, COALESCE(m.user_id, 0)`

const memberFrom = ` FROM members m JOIN orgs o ON o.id = m.org_id`

// memberRow holds one row of memberColumns while it is scanned: the
// Member and the scan destinations pointing into it, so a list reuses
// one row (and one destination slice) for all its rows. The dates scan
// straight into the Member's days (NULL is the zero Day).
type memberRow struct {
	m    Member
	dest []any
}

func newMemberRow() *memberRow {
	r := &memberRow{}
	m := &r.m
	r.dest = []any{&m.ID, &m.TownID, &m.OrgID, &m.OrgName, &m.OrgPath, &m.ResidentID,
		&m.Name, &m.IDMasked, &m.BirthDate, &m.Sex, &m.Phone, &m.Education, &m.Category, &m.Status,
		&m.AppliedOn, &m.JoinedOn, &m.FullOn, &m.Mobile, &m.LeftOn, &m.LeftReason, &m.UserID}
	return r
}

// with is the destinations followed by those of further columns.
func (r *memberRow) with(more ...any) []any {
	return append(r.dest[:len(r.dest):len(r.dest)], more...)
}

// scan reads the next row into r.m; every column is written, so nothing
// of the previous row stays.
func (r *memberRow) scan(row interface{ Scan(...any) error }) error {
	return row.Scan(r.dest...)
}

// scanMember reads one row of memberColumns.
func scanMember(row interface{ Scan(...any) error }) (Member, error) {
	r := newMemberRow()
	err := r.scan(row)
	return r.m, err
}

// loadMember reads a member without any scope check; callers check.
func loadMember(ctx context.Context, q db.Queryer, id int64) (Member, error) {
	m, err := scanMember(q.QueryRowContext(ctx, `SELECT `+memberColumns+memberFrom+` WHERE m.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, apperr.NotFound()
	}
	if err != nil {
		return m, fmt.Errorf("members: load member %d: %w", id, err)
	}
	return m, nil
}

// LoadMemberFor loads a member with its branch path and checks that the
// actor holds perm over that branch. Every use case on one member starts
// here, so no handler can forget the scope check:
//   - a nil actor is the command line or the demo loader and may do anything;
//   - outside the actor's members.read scope the record does not exist
//     (NotFound), so probing ids reveals nothing;
//   - readable but not perm (e.g. members.write) answers Forbidden;
//   - a member may read their own record (perm members.read only).
//
// Pass a transaction as q when the caller goes on to change the record.
func LoadMemberFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, perm auth.Perm) (Member, error) {
	m, err := loadMember(ctx, q, id)
	if err != nil {
		return Member{}, err
	}
	if err := checkMember(a, m, perm); err != nil {
		return Member{}, err
	}
	return m, nil
}

// checkMember is the scope rule of LoadMemberFor for a record already read:
// auth's one decision, plus a member reading their own record.
func checkMember(a *auth.Actor, m Member, perm auth.Perm) error {
	if perm == auth.PermMemberRead && a != nil && m.UserID != 0 && m.UserID == a.UserID {
		return nil
	}
	return DecideMemberScope(a, perm, m.OrgPath)
}

// DecideMemberScope is auth's scope decision for member records, whose read
// permission is members.read: perm members.read is a read, any other perm
// a change (NotFound outside members.read, Forbidden within it).
func DecideMemberScope(a *auth.Actor, perm auth.Perm, path string) error {
	if perm == auth.PermMemberRead {
		return a.Decide(auth.PermMemberRead, "", path)
	}
	return a.Decide(auth.PermMemberRead, perm, path)
}

// Get returns one member the actor may read.
func (s *Service) Get(ctx context.Context, a *auth.Actor, id int64) (Member, error) {
	return LoadMemberFor(ctx, s.DB, a, id, auth.PermMemberRead)
}

// area is the part of the tree a list, board or count covers: one
// organisation's subtree, or (orgID 0) everything the actor may read.
type area struct {
	Root  place // zero when the area is the actor's whole scope
	paths []string
	// townsWhole: every root lies above the towns, so the area holds whole
	// towns only (a county, a province).
	townsWhole bool
}

// areaFor resolves the area of a list. A given organisation must lie in
// the actor's read scope (NotFound otherwise); without one, the area is
// the actor's whole scope.
func (s *Service) areaFor(ctx context.Context, a *auth.Actor, orgID int64) (area, error) {
	if orgID == 0 {
		if a == nil {
			return area{}, apperr.Invalid("org_id", "error.required", nil)
		}
		return area{paths: a.Scope(auth.PermMemberRead)}, nil
	}
	p, err := s.placeFixed(ctx, orgID)
	if err != nil {
		return area{}, err
	}
	if err := DecideMemberScope(a, auth.PermMemberRead, p.Path); err != nil {
		return area{}, err
	}
	return area{Root: p, paths: []string{p.Path}}, nil
}

// aboveTown reports whether the area spans more than one town: a county
// (or province) node, or the whole scope of an actor bound above a town
// (such a binding's organisation has no town). It also notes whether the
// area is made of whole towns only.
func (ar *area) aboveTown(a *auth.Actor) bool {
	switch ar.Root.Type {
	case org.TypeCounty:
		ar.townsWhole = true
		return true
	case "":
		if a == nil {
			return true
		}
		above, below := false, false
		for _, b := range a.Bindings {
			if b.Role.Grants(auth.PermMemberRead) {
				above = above || b.TownID == 0
				below = below || b.TownID != 0
			}
		}
		ar.townsWhole = above && !below
		return above
	}
	return false
}

// cond is the WHERE condition selecting members (alias m, orgs o) in the
// area. It picks the column whose index matches the root's level, so a
// branch, village or town list reads one index range; only county-wide or
// multi-root scopes fall back to the path range on orgs.
func (ar area) cond(args *db.Args) string {
	switch ar.Root.Type {
	case org.TypeBranch, org.TypeIndustry:
		return "m.org_id = " + args.Add(ar.Root.ID)
	case org.TypeGeneralBranch:
		return "m.village_id = " + args.Add(ar.Root.ID)
	case org.TypeTown:
		return "m.town_id = " + args.Add(ar.Root.ID)
	}
	return args.Subtree("o.path", ar.paths)
}

// logReveals records in read_log that the actor saw these members' full
// id numbers, one row each, so a person's record shows who saw it.
func (s *Service) logReveals(ctx context.Context, a *auth.Actor, ms []Member) error {
	now := s.Clock.Now()
	return s.DB.Tx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO read_log(at, user_id, entity, entity_id, org_id) VALUES ($1, $2, 'member', $3, $4)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, m := range ms {
			if _, err := stmt.ExecContext(ctx, now, a.UserID, m.ID, m.OrgID); err != nil {
				return err
			}
		}
		return nil
	})
}
