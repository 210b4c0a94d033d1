package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// checkResident refuses a holder's resident id that does not exist or lies
// outside the actor's people.read scope with the same field error, so a
// post form reveals nothing of another village's register. Only a missing
// row becomes the field error; a failing query is returned as it is.
func checkResident(ctx context.Context, q db.Queryer, a *auth.Actor, f apperr.Fields, id int64) error {
	var path string
	err := q.QueryRowContext(ctx, `SELECT o.path FROM residents r JOIN orgs o ON o.id = r.org_id WHERE r.id = $1`, id).
		Scan(&path)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return fmt.Errorf("org: load resident %d: %w", id, err)
	case a.Sees(auth.PermPeopleRead, path):
		return nil
	}
	f.Add("resident_id", "org.resident_unknown", nil)
	return nil
}
