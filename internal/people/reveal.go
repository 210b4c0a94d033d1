package people

import (
	"context"
	"database/sql"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
)

// Reveal returns a resident with their full id number to an actor who holds
// PermPeopleReveal over them, and logs the look in read_log in the same
// transaction: no log row, no number.
func (s *Service) Reveal(ctx context.Context, a *auth.Actor, id int64) (Resident, string, error) {
	if a == nil {
		return Resident{}, "", apperr.Forbidden()
	}
	var r Resident
	var number string
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = s.getResident(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := a.Decide(auth.PermPeopleRead, auth.PermPeopleReveal, r.OrgPath); err != nil {
			return err
		}
		var sealed []byte
		if err := tx.QueryRowContext(ctx, `SELECT id_cipher FROM residents WHERE id = $1`, id).Scan(&sealed); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO read_log(at, user_id, entity, entity_id, org_id) VALUES ($1, $2, $3, $4, $5)`,
			s.Clock.Now(), a.UserID, "resident", id, r.OrgID); err != nil {
			return err
		}
		number, err = s.Sealer.Open(sealed)
		return err
	})
	if err != nil {
		return Resident{}, "", err
	}
	return r, number, nil
}
