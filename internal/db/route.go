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
	p := d.pick(query, args)
	if st := d.prepared(ctx, p, query, args); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return p.QueryContext(ctx, query, args...)
}

// QueryRowContext is QueryContext for one row.
func (d *DB) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	p := d.pick(query, args)
	if st := d.prepared(ctx, p, query, args); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return p.QueryRowContext(ctx, query, args...)
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
// with WITH and modifies nothing. Only a WITH is read whole.
func isRead(query string) bool {
	q := strings.TrimLeft(query, " \t\r\n(")
	switch {
	case len(q) >= 6 && strings.EqualFold(q[:6], "SELECT"):
		return true
	case len(q) >= 4 && strings.EqualFold(q[:4], "WITH"):
		q = strings.ToUpper(q)
		for _, w := range []string{"INSERT ", "UPDATE ", "DELETE "} {
			if strings.Contains(q, w) {
				return false
			}
		}
		return true
	}
	return false
}

// SQLite parses a statement's text again on every query unless it was
// prepared: for a list page a third of the request's time. Reads through
// the SQLite read pool are therefore prepared once per text and kept
// (database/sql prepares each on a connection the first time it runs
// there). Texts are the hand-written queries with their placeholders, so
// there are few of them; long IN lists, whose texts vary with their
// length, are not kept, and the cache stops growing at maxPrepared.
// PostgreSQL's driver keeps prepared statements per session itself.
const (
	maxPrepared     = 512
	maxPreparedArgs = 24
)

func (d *DB) prepared(ctx context.Context, p *sql.DB, query string, args []any) *sql.Stmt {
	if d.Dialect != SQLite || p != d.read || len(args) > maxPreparedArgs {
		return nil
	}
	if st, ok := d.stmts.Load(query); ok {
		return st.(*sql.Stmt)
	}
	if d.nstmts.Load() >= maxPrepared {
		return nil
	}
	st, err := p.PrepareContext(ctx, query)
	if err != nil {
		return nil // the plain query reports the error
	}
	if old, loaded := d.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return old.(*sql.Stmt)
	}
	d.nstmts.Add(1)
	return st
}
