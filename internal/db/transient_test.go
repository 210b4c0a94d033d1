package db_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"dangjian/internal/db"
)

func TestIsTransientTellsLostConnectionsFromBadStatements(t *testing.T) {
	cases := []struct {
		err  error
		want bool
	}{
		{&pgconn.PgError{Code: "57P01"}, true}, // admin shutdown
		{&pgconn.PgError{Code: "57P03"}, true}, // cannot connect now
		{&pgconn.PgError{Code: "08006"}, true}, // connection failure
		{fmt.Errorf("list: %w", &pgconn.PgError{Code: "08003"}), true},
		{errors.New("failed to deallocate cached statement(s): conn closed"), true},
		{errors.New("dial tcp 127.0.0.1:5432: connect: connection refused"), true},
		{&pgconn.PgError{Code: "23505"}, false}, // unique violation
		{&pgconn.PgError{Code: "40001"}, false}, // serialization failure: not a lost connection
		{errors.New("no such table: x"), false},
		{nil, false},
	}
	for _, c := range cases {
		if got := db.IsTransient(c.err); got != c.want {
			t.Errorf("IsTransient(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}
