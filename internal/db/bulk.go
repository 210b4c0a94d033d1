package db

import (
	"context"
	"database/sql"
	"strconv"
)

// bulkCacheKiB is the SQLite page cache of a bulk transaction. A
// transaction that writes a county's roster touches more index pages than
// the default 2 MiB cache holds: SQLite then reads pages again and spills
// dirty ones to the WAL before the commit, a system call a page.
const bulkCacheKiB = 64 << 10 // 64 MiB

// BulkTx is Tx for a transaction that writes many rows at once (imports).
// On SQLite the writer's page cache is raised for it and given back after,
// so the memory is held only while the bulk write runs; PostgreSQL's
// shared buffers need nothing of the kind.
func (d *DB) BulkTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if d.Dialect != SQLite {
		return d.Tx(ctx, fn)
	}
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "PRAGMA cache_size = -"+strconv.Itoa(bulkCacheKiB)); err != nil {
			return err
		}
		return fn(tx)
	})
	// The writer is one connection: this reaches the one the bulk write used.
	if _, rerr := d.DB.ExecContext(context.WithoutCancel(ctx), `PRAGMA cache_size = -2000`); rerr != nil && err == nil {
		err = rerr
	}
	d.DB.ExecContext(context.WithoutCancel(ctx), `PRAGMA shrink_memory`)
	return err
}

// OneWriter reports whether every write goes through one connection
// (SQLite): a write outside a running transaction then waits for it.
func (d *DB) OneWriter() bool { return d.Dialect == SQLite }
