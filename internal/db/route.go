package db

import (
	"context"
	"database/sql"
	"strings"
)

// QueryContext runs a read on the read pool; anything else (INSERT …
// RETURNING, a data-modifying WITH) goes to the writer, so callers need not
// know which connection a statement needs.
func (d *DB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return d.pick(query, args).QueryContext(ctx, query, args...)
}

// QueryRowContext is QueryContext for one row.
func (d *DB) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return d.pick(query, args).QueryRowContext(ctx, query, args...)
}

// Query is QueryContext without a context.
func (d *DB) Query(query string, args ...any) (*sql.Rows, error) {
	return d.QueryContext(context.Background(), query, args...)
}

// QueryRow is QueryRowContext without a context.
func (d *DB) QueryRow(query string, args ...any) *sql.Row {
	return d.QueryRowContext(context.Background(), query, args...)
}

// ObserveReads calls fn with every statement read through the pool (not
// those inside transactions); tests use it to check the plans of the
// queries a use case really runs, or to count them. nil stops it.
func (d *DB) ObserveReads(fn func(query string, args []any)) {
	if fn == nil {
		d.observe.Store(nil)
		return
	}
	d.observe.Store(&fn)
}

func (d *DB) pick(query string, args []any) *sql.DB {
	if !isRead(query) {
		return d.DB
	}
	if fn := d.observe.Load(); fn != nil {
		(*fn)(query, args)
	}
	return d.read
}

// isRead reports whether a statement only reads: it starts with SELECT, or
// with WITH and modifies nothing.
func isRead(query string) bool {
	q := strings.ToUpper(strings.TrimLeft(query, " \t\r\n("))
	switch {
	case strings.HasPrefix(q, "SELECT"):
		return true
	case strings.HasPrefix(q, "WITH"):
		for _, w := range []string{"INSERT ", "UPDATE ", "DELETE "} {
			if strings.Contains(q, w) {
				return false
			}
		}
		return true
	}
	return false
}
