// Package db opens the embedded SQLite file or a PostgreSQL server, runs
// migrations, and gives every use case the same transaction helper. Reads
// and writes are routed to the right connections here, so no caller needs
// to know. Query text is shared: both drivers number placeholders as $1, $2.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

// Dialect names the database behind a DB. Code outside this package should
// rarely need it: the same SQL runs on both.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is the application's database handle. The embedded *sql.DB is the
// writer: Exec, BeginTx, Tx and Conn go there. Plain SELECTs outside a
// transaction go to read, which on SQLite is a pool of query_only
// connections beside the one writer, and on PostgreSQL is the same pool.
type DB struct {
	*sql.DB
	read    *sql.DB
	Dialect Dialect
	observe atomic.Pointer[func(query string, args []any)]
	// stmts are the reads prepared on the SQLite read pool (route.go).
	stmts  sync.Map // query text → *sql.Stmt
	nstmts atomic.Int64
}

// Queryer is what read helpers accept: a *DB or a *sql.Tx.
type Queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Open connects to url: a postgres:// or postgresql:// URL selects
// PostgreSQL; anything else is a SQLite file path.
func Open(url string) (*DB, error) {
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		return openPostgres(url)
	}
	return openSQLite(url)
}

// openPostgres keeps as many idle sessions as it may open, so a burst of
// requests reuses sessions instead of paying a new backend each time.
func openPostgres(url string) (*DB, error) {
	d, err := sql.Open("pgx", url)
	if err != nil {
		return nil, err
	}
	d.SetMaxOpenConns(postgresConns)
	d.SetMaxIdleConns(postgresConns)
	d.SetConnMaxIdleTime(5 * time.Minute)
	if err := d.Ping(); err != nil {
		d.Close()
		return nil, fmt.Errorf("connect to postgres: %w", err)
	}
	return &DB{DB: d, read: d, Dialect: Postgres}, nil
}

const postgresConns = 20

// Conns is the most connections the server holds at once: the pool on
// PostgreSQL, the readers and the writer on SQLite.
func (d *DB) Conns() int {
	n := d.read.Stats().MaxOpenConnections
	if d.read != d.DB {
		n += d.DB.Stats().MaxOpenConnections
	}
	return n
}

// Close closes the writer and the read pool.
func (d *DB) Close() error {
	d.stmts.Range(func(_, st any) bool { st.(*sql.Stmt).Close(); return true })
	err := d.DB.Close()
	if d.read != d.DB {
		err = errors.Join(err, d.read.Close())
	}
	return err
}

// IsUniqueViolation reports whether err is a unique-constraint failure on
// either database, so use cases can turn it into a clear conflict message.
func IsUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "UNIQUE constraint failed") || strings.Contains(s, "SQLSTATE 23505")
}
