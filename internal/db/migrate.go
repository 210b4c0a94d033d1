package db

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations
var migrationFS embed.FS

// Migration is one numbered schema step of one dialect.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations lists the dialect's embedded migrations in order.
func Migrations(d Dialect) ([]Migration, error) {
	dir := "migrations/" + string(d)
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and '_'", name)
		}
		body, err := fs.ReadFile(migrationFS, dir+"/"+name)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// Migrate applies every migration not yet recorded, each in its own
// transaction. On PostgreSQL an advisory lock keeps two app servers that
// start together from applying the same step twice.
func (d *DB) Migrate(ctx context.Context) (applied int, err error) {
	conn, err := d.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if d.Dialect == Postgres {
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(7411001)`); err != nil {
			return 0, err
		}
		defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(7411001)`)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
		return 0, err
	}
	done := map[int]bool{}
	rows, err := conn.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return 0, err
		}
		done[v] = true
	}
	rows.Close()
	ms, err := Migrations(d.Dialect)
	if err != nil {
		return 0, err
	}
	for _, m := range ms {
		if done[m.Version] {
			continue
		}
		if err := applyMigration(ctx, conn, m); err != nil {
			return applied, fmt.Errorf("migration %s: %w", m.Name, err)
		}
		applied++
	}
	if d.Dialect == SQLite {
		if err := optimizeSQLite(ctx, conn); err != nil {
			return applied, fmt.Errorf("analyze: %w", err)
		}
	}
	return applied, nil
}

// optimizeSQLite gathers table statistics where they are missing or stale
// (SQLite's PRAGMA optimize: a table never analysed, or grown 25-fold
// since). Without them SQLite's planner starts a county's lists from the
// organisations in scope and sorts every row it joins; with them it reads
// the large tables in the list's order. It runs at every start, which is
// when a server first meets a grown database: usually nothing to do
// (20 ms at county size), once a full analysis (0.3 s on a 22 MB county
// file). Sampling (analysis_limit) would be quicker but left the planner
// sorting most lists again, so the analysis reads everything.
func optimizeSQLite(ctx context.Context, conn *sql.Conn) error {
	if _, err := conn.ExecContext(ctx, `PRAGMA analysis_limit = 0`); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA optimize = 0x10002`); err != nil {
		return err
	}
	// The analysis filled the writer's page cache with pages of every
	// table; writes seldom need them again, so they go back now.
	_, err := conn.ExecContext(ctx, `PRAGMA shrink_memory`)
	return err
}

func applyMigration(ctx context.Context, conn *sql.Conn, m Migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
		return err
	}
	return tx.Commit()
}
