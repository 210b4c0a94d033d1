package members

import (
	"context"
	"database/sql"
	"errors"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// ownMemberID is the member record linked to the actor's account
// (members.user_id), preferring a current member over a past one.
func ownMemberID(ctx context.Context, q db.Queryer, a *auth.Actor) (int64, error) {
	if a == nil || a.UserID == 0 {
		return 0, apperr.NotFound()
	}
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM members WHERE user_id = $1
		ORDER BY CASE WHEN status = 'left' THEN 1 ELSE 0 END, id LIMIT 1`, a.UserID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, apperr.NotFound()
	}
	return id, err
}

// OwnRecord is the member record linked to the actor's account, read
// without a scope check: the account's own link is the permission. It is
// NotFound when no member is linked. Pass a transaction as q when the
// caller goes on to write rows of that member.
func OwnRecord(ctx context.Context, q db.Queryer, a *auth.Actor) (Member, error) {
	id, err := ownMemberID(ctx, q, a)
	if err != nil {
		return Member{}, err
	}
	return loadMember(ctx, q, id)
}

// LinkAccount links a login to a member record, so the member can use the
// self-service page. Linking accounts is user management: the actor needs
// user.manage over the member's branch.
func (s *Service) LinkAccount(ctx context.Context, a *auth.Actor, memberID, userID int64) error {
	return s.DB.Tx(ctx, func(tx *sql.Tx) error {
		m, err := LoadMemberFor(ctx, tx, a, memberID, auth.PermUserManage)
		if err != nil {
			return err
		}
		if m.UserID != 0 && m.UserID != userID {
			return apperr.Conflict("self.member_linked", apperr.Params{"name": m.Name})
		}
		if err := accountFor(ctx, tx, a, userID); err != nil {
			return err
		}
		var other int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM members WHERE user_id = $1 AND id <> $2 LIMIT 1`, userID, memberID).Scan(&other)
		if err == nil {
			return apperr.Conflict("self.user_linked", apperr.Params{"id": other})
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		now := s.Clock.Now()
		if _, err := tx.ExecContext(ctx, `UPDATE members SET user_id = $1, updated_at = $2 WHERE id = $3`, userID, now, memberID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "self.link_account", Entity: "member",
			EntityID: memberID, OrgID: m.OrgID, Before: map[string]any{"user_id": m.UserID},
			After: map[string]any{"user_id": userID}})
	})
}
