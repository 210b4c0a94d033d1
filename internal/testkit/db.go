// Package testkit gives tests real databases: a fresh SQLite file and a
// fresh PostgreSQL schema per test, both migrated, so every storage test
// runs on both dialects.
package testkit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/internal/db"
)

// PostgresURLEnv names the server scripts/test starts for the run.
const PostgresURLEnv = "DANGJIAN_TEST_POSTGRES"

// Dialects runs fn once per database as subtests named "sqlite" and
// "postgres". Without a PostgreSQL server the postgres subtest is skipped
// locally, and fails under CI, where skipping would hide a whole dialect.
func Dialects(t *testing.T, fn func(t *testing.T, d *db.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

// SQLite opens a migrated database in the test's temporary directory.
func SQLite(t testing.TB) *db.DB {
	t.Helper()
	d, err := db.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return d
}

// Postgres opens a migrated, empty schema of its own on the test server;
// packages run in parallel against one database, so each test gets a
// schema, dropped afterwards.
func Postgres(t testing.TB) *db.DB {
	t.Helper()
	return PostgresServers(t, 1)[0]
}

// PostgresServers opens n pools on one fresh, migrated schema: what n app
// servers behind one database see, for properties that must hold across
// servers (login throttling, caches, one background job).
func PostgresServers(t testing.TB, n int) []*db.DB {
	t.Helper()
	base := os.Getenv(PostgresURLEnv)
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set: PostgreSQL tests must run in CI (use scripts/test)", PostgresURLEnv)
		}
		t.Skipf("%s not set; run scripts/test to include PostgreSQL", PostgresURLEnv)
	}
	admin, err := db.Open(base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	t.Cleanup(func() {
		if a, err := db.Open(base); err == nil {
			a.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
			a.Close()
		}
	})
	servers := make([]*db.DB, n)
	for i := range servers {
		d, err := db.Open(u.String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		servers[i] = d
	}
	if _, err := servers[0].Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return servers
}

// Clock is a settable clock starting at a fixed, known day.
func Clock() *db.FixedClock {
	return &db.FixedClock{T: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
}

// Migrate runs again the one migration of d's dialect whose name ends in
// suffix, as a test that first writes rows the way they were before it.
func Migrate(t testing.TB, d *db.DB, suffix string) {
	t.Helper()
	ms, err := db.Migrations(d.Dialect)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if strings.HasSuffix(m.Name, suffix) {
			if _, err := d.ExecContext(context.Background(), m.SQL); err != nil {
				t.Fatalf("migration %s: %v", m.Name, err)
			}
			return
		}
	}
	t.Fatalf("no migration named *%s", suffix)
}
