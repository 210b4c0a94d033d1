package db_test

import (
	"context"
	"database/sql"
	"sync"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// Many writers and readers at once: every transaction goes through the one
// writer, so none meets "database is locked", every write is kept, and the
// readers run beside them.
func TestConcurrentWritersAndReadersMeetNoBusyErrors(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		for _, q := range []string{`CREATE TABLE pool_probe (writer INTEGER NOT NULL, n INTEGER NOT NULL)`,
			`CREATE TABLE pool_counter (n INTEGER NOT NULL)`, `INSERT INTO pool_counter(n) VALUES (0)`} {
			if _, err := d.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		const writers, readers, each = 16, 16, 25
		lock := "" // SQLite's one writer serialises the transactions
		if d.Dialect == db.Postgres {
			lock = " FOR UPDATE"
		}
		var wg sync.WaitGroup
		errs := make(chan error, writers*each+readers*each)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					errs <- d.Tx(ctx, func(tx *sql.Tx) error {
						// Read, then write what was read plus one: lost
						// updates or snapshot conflicts would show in the count.
						var n int
						if err := tx.QueryRowContext(ctx, `SELECT n FROM pool_counter`+lock).Scan(&n); err != nil {
							return err
						}
						if _, err := tx.ExecContext(ctx, `UPDATE pool_counter SET n = $1`, n+1); err != nil {
							return err
						}
						_, err := tx.ExecContext(ctx, `INSERT INTO pool_probe(writer, n) VALUES ($1, $2)`, w, i)
						return err
					})
				}
			}()
		}
		for range readers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range each {
					var n int
					errs <- d.QueryRowContext(ctx, `SELECT COUNT(*) FROM pool_probe`).Scan(&n)
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("concurrent use: %v", err)
			}
		}
		var total, distinct, counter int
		if err := d.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT writer * 1000 + n),
			(SELECT n FROM pool_counter) FROM pool_probe`).Scan(&total, &distinct, &counter); err != nil {
			t.Fatal(err)
		}
		if total != writers*each || distinct != writers*each || counter != writers*each {
			t.Fatalf("rows = %d (distinct %d), counter = %d, want %d each", total, distinct, counter, writers*each)
		}
	})
}

// The read pool refuses writes on SQLite, so a write that slipped past the
// routing would fail loudly rather than race the writer for the lock.
func TestSQLiteReadConnectionsAreQueryOnly(t *testing.T) {
	d := testkit.SQLite(t)
	var only int
	if err := d.QueryRowContext(context.Background(), `SELECT query_only FROM pragma_query_only`).Scan(&only); err != nil {
		t.Fatal(err)
	}
	if only != 1 {
		t.Fatalf("query_only = %d on a read connection, want 1", only)
	}
	// A reader keeps a small page cache (the operating system caches the
	// file); the writer keeps SQLite's default for its transactions.
	var readerCache, writerCache int
	if err := d.QueryRowContext(context.Background(), `SELECT cache_size FROM pragma_cache_size`).Scan(&readerCache); err != nil {
		t.Fatal(err)
	}
	if err := d.DB.QueryRowContext(context.Background(), `SELECT cache_size FROM pragma_cache_size`).Scan(&writerCache); err != nil {
		t.Fatal(err)
	}
	if readerCache != -256 || writerCache != -2000 {
		t.Fatalf("cache_size reader %d, writer %d; want -256 (KiB) and -2000", readerCache, writerCache)
	}
	// INSERT … RETURNING through QueryRowContext is routed to the writer.
	var id int64
	if err := d.QueryRowContext(context.Background(), `INSERT INTO schema_migrations(version, name) VALUES (9999, 'probe') RETURNING version`).Scan(&id); err != nil {
		t.Fatalf("INSERT … RETURNING outside a transaction: %v", err)
	}
	if err := d.QueryRowContext(context.Background(), `WITH x AS (SELECT 1) SELECT COUNT(*) FROM x`).Scan(&only); err != nil {
		t.Fatalf("WITH read: %v", err)
	}
}

// A burst of concurrent reads on PostgreSQL closes no session for want of
// idle room: the pool keeps what it opened.
func TestPostgresPoolKeepsItsSessions(t *testing.T) {
	d := testkit.Postgres(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 10 {
				var n int
				if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_sleep(0.001)`).Scan(&n); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if st := d.Stats(); st.MaxIdleClosed != 0 || st.Idle != st.OpenConnections {
		t.Fatalf("after a burst: %+v — sessions were closed for want of idle room", st)
	}
}

// Every start (Migrate) gathers the statistics SQLite's planner needs to
// read large lists in order; tables never analysed get them.
func TestSQLiteMigrateGathersStatistics(t *testing.T) {
	d := testkit.SQLite(t)
	var n int
	if err := d.QueryRowContext(context.Background(),
		`SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'schema_migrations'`).Scan(&n); err != nil {
		t.Fatalf("no statistics after Migrate: %v", err)
	}
	if n == 0 {
		t.Fatal("schema_migrations holds rows but has no statistics after Migrate")
	}
}
