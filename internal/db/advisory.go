package db

import "context"

// Advisory lock keys: one number per job that only one app server may run
// at a time. Migrate uses 7411001.
const (
	LockAuditFullCheck int64 = 7411002
)

// OnlyOne runs fn when no other app server is running the job named by key,
// and reports whether it ran. On PostgreSQL the job holds a session
// advisory lock for fn's whole run, so several servers starting together
// do the work once, not once each; the lock goes with the connection if
// the server dies. SQLite has one server per file, so fn always runs.
func (d *DB) OnlyOne(ctx context.Context, key int64, fn func(ctx context.Context) error) (ran bool, err error) {
	if d.Dialect != Postgres {
		return true, fn(ctx)
	}
	conn, err := d.Conn(ctx)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	var got bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&got); err != nil || !got {
		return false, err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key)
	return true, fn(ctx)
}
