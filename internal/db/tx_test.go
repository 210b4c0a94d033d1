package db_test

import (
	"context"
	"database/sql"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// killOwnBackend ends the server session a transaction runs on, as a
// PostgreSQL restart or failover would, from another pooled session.
func killOwnBackend(t *testing.T, d *db.DB, tx *sql.Tx) {
	t.Helper()
	ctx := context.Background()
	var pid int
	if err := tx.QueryRowContext(ctx, `SELECT pg_backend_pid()`).Scan(&pid); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ExecContext(ctx, `SELECT pg_terminate_backend($1)`, pid); err != nil {
		t.Fatal(err)
	}
}

func TestTxRetriesOnceWhenTheConnectionIsLost(t *testing.T) {
	d := testkit.Postgres(t)
	ctx := context.Background()
	if _, err := d.ExecContext(ctx, `CREATE TABLE tx_probe (n INTEGER)`); err != nil {
		t.Fatal(err)
	}
	attempts := 0
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		attempts++
		if attempts == 1 {
			killOwnBackend(t, d, tx)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO tx_probe(n) VALUES ($1)`, attempts)
		return err
	})
	if err != nil {
		t.Fatalf("Tx after one lost connection: %v", err)
	}
	if attempts != 2 {
		t.Fatalf("attempts = %d, want 2", attempts)
	}
	var n, rows int
	if err := d.QueryRowContext(ctx, `SELECT COUNT(*), MAX(n) FROM tx_probe`).Scan(&rows, &n); err != nil {
		t.Fatal(err)
	}
	if rows != 1 || n != 2 {
		t.Fatalf("rows = %d, n = %d: want only the retried write", rows, n)
	}
}

func TestTxReportsUnavailableWhenTheRetryIsLostToo(t *testing.T) {
	d := testkit.Postgres(t)
	ctx := context.Background()
	attempts := 0
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		attempts++
		killOwnBackend(t, d, tx)
		_, err := tx.ExecContext(ctx, `SELECT 1`)
		return err
	})
	if apperr.KindOf(err) != apperr.KindUnavailable {
		t.Fatalf("err = %v (kind %v), want KindUnavailable", err, apperr.KindOf(err))
	}
	if e := apperr.As(err); e.Key != "error.unavailable" || e.Err == nil {
		t.Fatalf("error %+v: want key error.unavailable with the cause kept", e)
	}
	if attempts != 2 {
		t.Fatalf("attempts = %d, want 2", attempts)
	}
}

func TestTxDoesNotRetryOrdinaryErrors(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		attempts := 0
		err := d.Tx(context.Background(), func(tx *sql.Tx) error {
			attempts++
			_, err := tx.ExecContext(context.Background(), `INSERT INTO no_such_table VALUES (1)`)
			return err
		})
		if err == nil || attempts != 1 || apperr.KindOf(err) == apperr.KindUnavailable {
			t.Fatalf("err = %v after %d attempts: want the SQL error, once", err, attempts)
		}
	})
}
