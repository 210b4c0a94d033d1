package members

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// memberColumns is the SELECT list every member read uses, so one scan
// function serves the page, the lists and the export. The org join gives
// the branch's name and path (the path is what scope is checked on).
const memberColumns = `m.id, COALESCE(m.town_id, 0), m.org_id, o.name, o.path, COALESCE(m.resident_id, 0),
	m.name, m.id_masked, m.birth_date, m.sex, m.phone, m.education, m.category, m.status,
	m.applied_on, m.joined_on, m.full_on, m.mobile, m.left_on, m.left_reason, COALESCE(m.user_id, 0)`

const memberFrom = ` FROM members m JOIN orgs o ON o.id = m.org_id`

// scanMember reads one row of memberColumns.
func scanMember(row interface{ Scan(...any) error }) (Member, error) {
	var m Member
	var applied, joined, full, left sql.NullTime
	err := row.Scan(&m.ID, &m.TownID, &m.OrgID, &m.OrgName, &m.OrgPath, &m.ResidentID,
		&m.Name, &m.IDMasked, &m.BirthDate, &m.Sex, &m.Phone, &m.Education, &m.Category, &m.Status,
		&applied, &joined, &full, &m.Mobile, &left, &m.LeftReason, &m.UserID)
	m.BirthDate = m.BirthDate.UTC()
	m.AppliedOn, m.JoinedOn, m.FullOn, m.LeftOn = dayPtr(applied), dayPtr(joined), dayPtr(full), dayPtr(left)
	return m, err
}

func dayPtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	d := db.Day(t.Time)
	return &d
}

// loadMember reads a member without any scope check; callers check.
func loadMember(ctx context.Context, q db.Queryer, id int64) (Member, error) {
	m, err := scanMember(q.QueryRowContext(ctx, `SELECT `+memberColumns+memberFrom+` WHERE m.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, apperr.NotFound()
	}
	return m, err
}

// getMemberFor loads a member with its branch path and checks that the
// actor holds perm over that branch. Every use case on one member starts
// here, so no handler can forget the scope check:
//   - a nil actor is the command line or the demo loader and may do anything;
//   - outside the actor's members.read scope the record does not exist
//     (NotFound), so probing ids reveals nothing;
//   - readable but not perm (e.g. members.write) answers Forbidden;
//   - a member may read their own record (perm members.read only).
//
// Pass a transaction as q when the caller goes on to change the record.
func getMemberFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, perm auth.Perm) (Member, error) {
	m, err := loadMember(ctx, q, id)
	if err != nil {
		return Member{}, err
	}
	if err := checkMember(a, m, perm); err != nil {
		return Member{}, err
	}
	return m, nil
}

// checkMember is the scope rule of getMemberFor for a record already read.
func checkMember(a *auth.Actor, m Member, perm auth.Perm) error {
	if a == nil || a.CanAt(perm, m.OrgPath) {
		return nil
	}
	if perm == auth.PermMemberRead && m.UserID != 0 && m.UserID == a.UserID {
		return nil
	}
	if a.CanAt(auth.PermMemberRead, m.OrgPath) {
		return apperr.Forbidden()
	}
	return apperr.NotFound()
}

// Get returns one member the actor may read.
func (s *Service) Get(ctx context.Context, a *auth.Actor, id int64) (Member, error) {
	return getMemberFor(ctx, s.DB, a, id, auth.PermMemberRead)
}
