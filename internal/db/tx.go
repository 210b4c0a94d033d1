package db

import (
	"context"
	"database/sql"
	"errors"

	"dangjian/internal/apperr"
)

// Tx runs fn in one transaction: committed when fn returns nil, rolled back
// otherwise, so a use case never leaves half its writes behind.
//
// When the transaction fails before its commit because the connection was
// lost (a PostgreSQL restart or failover, see IsTransient), nothing of it
// was kept, so fn runs once more on a fresh connection. A second such
// failure, or a lost connection during the commit itself, whose outcome
// cannot be known, is returned as apperr.KindUnavailable.
func (d *DB) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	err := d.txOnce(ctx, fn)
	var c commitError
	switch {
	case err == nil || d.Dialect != Postgres || ctx.Err() != nil || !IsTransient(err):
		return unwrapCommit(err)
	case errors.As(err, &c):
		return apperr.Unavailable(c.err)
	}
	err = d.txOnce(ctx, fn)
	if err != nil && ctx.Err() == nil && IsTransient(err) {
		return apperr.Unavailable(unwrapCommit(err))
	}
	return unwrapCommit(err)
}

// commitError marks a failure of COMMIT, after which fn must not run again.
type commitError struct{ err error }

func (c commitError) Error() string { return c.err.Error() }
func (c commitError) Unwrap() error { return c.err }

func unwrapCommit(err error) error {
	var c commitError
	if errors.As(err, &c) {
		return c.err
	}
	return err
}

func (d *DB) txOnce(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := d.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) && !IsTransient(rbErr) {
			return errors.Join(err, rbErr)
		}
		return err
	}
	if err := tx.Commit(); err != nil {
		return commitError{err}
	}
	return nil
}
