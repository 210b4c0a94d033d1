// Package db opens the embedded SQLite file or a PostgreSQL server behind one
// *sql.DB, runs migrations, and gives every use case the same transaction
// helper. Query text is shared: both drivers number placeholders as $1, $2.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
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

// DB is the application's database handle.
type DB struct {
	*sql.DB
	Dialect Dialect
}

// Queryer is what read helpers accept: a *sql.DB or a *sql.Tx.
type Queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Open connects to url: a postgres:// or postgresql:// URL selects
// PostgreSQL; anything else is a SQLite file path.
func Open(url string) (*DB, error) {
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		d, err := sql.Open("pgx", url)
		if err != nil {
			return nil, err
		}
		d.SetMaxOpenConns(20)
		d.SetMaxIdleConns(10)
		d.SetConnMaxIdleTime(5 * time.Minute)
		if err := d.Ping(); err != nil {
			d.Close()
			return nil, fmt.Errorf("connect to postgres: %w", err)
		}
		return &DB{DB: d, Dialect: Postgres}, nil
	}
	return openSQLite(url)
}

// openSQLite uses one connection: SQLite has one writer, and a single
// connection turns "database is locked" races into an orderly queue while
// WAL keeps reads cheap. Times are stored in a sortable text form.
func openSQLite(path string) (*DB, error) {
	if err := prepareSQLiteFile(path); err != nil {
		return nil, err
	}
	dsn := "file:" + path + "?_time_format=sqlite" +
		"&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)" +
		"&_txlock=immediate"
	d, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	d.SetMaxOpenConns(1)
	d.SetMaxIdleConns(1)
	d.SetConnMaxLifetime(0)
	d.SetConnMaxIdleTime(0)
	if err := d.Ping(); err != nil {
		d.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	return &DB{DB: d, Dialect: SQLite}, nil
}

// Tx runs fn in one transaction: committed when fn returns nil, rolled back
// otherwise, so a use case never leaves half its writes behind.
func (d *DB) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := d.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) {
			return errors.Join(err, rbErr)
		}
		return err
	}
	return tx.Commit()
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
