package auth

import (
	"context"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
)

// CheckAttempts refuses with auth.throttled when key already has limit
// attempts within window before now. It counts in login_failures, the
// table login throttling uses, so every app server sees the same count;
// other programmes limit their public forms with it under keys of their
// own ("track:" + address).
func CheckAttempts(ctx context.Context, q db.Queryer, key string, limit int, window time.Duration, now time.Time) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM login_failures WHERE key = $1 AND at > $2`,
		key, now.Add(-window)).Scan(&n); err != nil {
		return err
	}
	if n >= limit {
		return apperr.TooMany("auth.throttled", apperr.Params{"minutes": int(window.Minutes())})
	}
	return nil
}

// RecordAttempt counts one attempt of key at now, and forgets attempts
// older than a day.
func RecordAttempt(ctx context.Context, q db.Queryer, key string, now time.Time) error {
	if _, err := q.ExecContext(ctx, `INSERT INTO login_failures(key, at) VALUES ($1, $2)`, key, now); err != nil {
		return err
	}
	_, err := q.ExecContext(ctx, `DELETE FROM login_failures WHERE at < $1`, now.Add(-24*time.Hour))
	return err
}
