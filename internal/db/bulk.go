package db

import (
	"context"
	"database/sql"
	"runtime/debug"
	"strconv"
	"sync"
)

// bulkCacheKiB is the SQLite page cache of a bulk transaction. A
// transaction that writes a county's roster touches more index pages than
// the default 2 MiB cache holds: SQLite then reads pages again and spills
// dirty ones to the WAL before the commit, a system call a page.
const bulkCacheKiB = 64 << 10 // 64 MiB

// bulkMemoryLimit is the Go runtime's soft memory limit while a bulk
// transaction runs: a county's roster import holds 45–50 MB of heap, and
// under the serving limit (19–24 MiB) the collector ran without pause and
// the import took 12.6 s instead of 7.3.
const bulkMemoryLimit = 100 << 20

// BulkTx is Tx for a transaction that writes many rows at once (imports).
// The room it needs is given for its duration and taken back after, so
// serving memory is unchanged: the runtime's soft memory limit is raised
// to bulkMemoryLimit, and on SQLite the writer's page cache is raised;
// PostgreSQL's shared buffers need nothing of the kind.
func (d *DB) BulkTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	defer BulkMemory()()
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

// BulkMemory gives the Go runtime the room of a bulk write until the
// returned function is called: for work that writes many rows in many
// transactions, such as loading the demo town (3.8 s; 5.5 s under the
// serving limit).
func BulkMemory() (done func()) { return bulkMemory.enter() }

// bulkMemory raises the process's memory limit while any bulk write runs
// and puts the serving limit back when the last ends.
var bulkMemory memoryRoom

type memoryRoom struct {
	mu      sync.Mutex
	running int
	serving int64 // the limit to put back
}

// enter raises the limit (never lowers one set higher) and returns the
// function that ends this stay.
func (m *memoryRoom) enter() (leave func()) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.running == 0 {
		m.serving = debug.SetMemoryLimit(-1) // -1 reads it
		if m.serving < bulkMemoryLimit {
			debug.SetMemoryLimit(bulkMemoryLimit)
		}
	}
	m.running++
	return func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.running--; m.running == 0 {
			debug.SetMemoryLimit(m.serving)
		}
	}
}

// OneWriter reports whether every write goes through one connection
// (SQLite): a write outside a running transaction then waits for it.
func (d *DB) OneWriter() bool { return d.Dialect == SQLite }
