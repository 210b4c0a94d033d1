package db

import (
	"database/sql/driver"
	"errors"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// IsTransient reports whether err means the connection to PostgreSQL was
// lost or refused rather than that the statement was wrong: the server is
// shutting down or starting (57P01, 57P02, 57P03), a connection exception
// (class 08), a refused or broken socket, or pgx failing to clean up the
// statements cached on a connection that died under it.
func IsTransient(err error) bool {
	if err == nil {
		return false
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case "57P01", "57P02", "57P03":
			return true
		}
		return strings.HasPrefix(pg.Code, "08")
	}
	var ce *pgconn.ConnectError
	var ne *net.OpError
	if errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, driver.ErrBadConn) {
		return true
	}
	s := err.Error()
	for _, m := range []string{"failed to deallocate cached statement", "connection refused",
		"conn closed", "connection reset by peer", "broken pipe", "unexpected EOF"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}
