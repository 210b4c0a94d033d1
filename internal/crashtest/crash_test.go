package crashtest

import (
	"path/filepath"
	"strings"
	"testing"
)

const (
	writers   = 16  // concurrent API clients
	killAfter = 300 // acknowledged writes before the kill
)

// The server is killed with SIGKILL in the middle of concurrent writes.
// After a restart every write it acknowledged is there, the file passes
// SQLite's integrity check and the audit chain verifies.
func TestServerKilledMidLoadSQLite(t *testing.T) {
	s := sqliteSite(t)
	token, village := s.setUp()
	srv := s.serve()

	// While it serves, restore is refused: it would replace the file
	// under the server and lose its later writes.
	backup := filepath.Join(t.TempDir(), "before.db")
	s.must("backup", "-to", backup)
	if out, err := s.dj("restore", "-from", backup); err == nil || !strings.Contains(out, "running dangjian server") {
		t.Fatalf("restore under a running server: %v\n%s", err, out)
	}

	killedMidLoad(t, s, srv, token, village, "SQLite")
}

// The same on PostgreSQL: the app server is killed, PostgreSQL keeps
// running.
func TestServerKilledMidLoadPostgres(t *testing.T) {
	s := postgresSite(t, sharedPostgres(t))
	token, village := s.setUp()
	killedMidLoad(t, s, s.serve(), token, village, "PostgreSQL")
}

func killedMidLoad(t *testing.T, s *site, srv *server, token string, village int64, name string) {
	l := newLoad(srv, token, village, "kill")
	loadUntil(t, l, writers, killAfter, srv.kill, 0)
	acked := l.ackedCopy()

	again := s.serve()
	lost := checkAcked(t, again, token, acked)
	again.stop()
	stored := checkStore(t, s, "kill-")
	s.must("audit", "verify")
	t.Logf("%s, app server killed: %d writes sent, %d acknowledged, %d lost, %d committed but not acknowledged",
		name, l.attempts.Load(), len(acked), lost, stored-len(acked))
}

// PostgreSQL itself crashes (immediate stop) and comes back while the
// app server keeps taking writes: the app reconnects, nothing it
// acknowledged before, during or after is lost, and the chain verifies.
func TestPostgresCrashRestartMidLoad(t *testing.T) {
	pg := startOwnPostgres(t)
	s := postgresSite(t, pg.url)
	token, village := s.setUp()
	srv := s.serve()
	l := newLoad(srv, token, village, "pgcrash")
	loadUntil(t, l, writers, 150, pg.crashRestart, 150)
	srv.stop()
	acked := l.ackedCopy()

	again := s.serve()
	lost := checkAcked(t, again, token, acked)
	again.stop()
	stored := checkStore(t, s, "pgcrash-")
	s.must("audit", "verify")
	t.Logf("PostgreSQL crashed and restarted under load: %d writes sent, %d acknowledged, %d lost, %d committed but not acknowledged",
		l.attempts.Load(), len(acked), lost, stored-len(acked))
}

// checkStore looks inside the database after the servers have stopped:
// SQLite's own integrity check, and an audit row for every household the
// load created. It returns how many such households are stored.
func checkStore(t *testing.T, s *site, prefix string) (stored int) {
	t.Helper()
	d := s.open()
	defer d.Close()
	if d.Dialect == "sqlite" {
		var result string
		if err := d.QueryRow(`PRAGMA integrity_check`).Scan(&result); err != nil || result != "ok" {
			t.Fatalf("PRAGMA integrity_check: %q %v", result, err)
		}
	}
	if err := d.QueryRow(`SELECT COUNT(*) FROM households WHERE code LIKE $1`, prefix+"%").Scan(&stored); err != nil {
		t.Fatal(err)
	}
	var unaudited int
	if err := d.QueryRow(`SELECT COUNT(*) FROM households h WHERE h.code LIKE $1 AND NOT EXISTS
		(SELECT 1 FROM audit_log a WHERE a.action = 'household.create' AND a.entity_id = h.id)`, prefix+"%").Scan(&unaudited); err != nil {
		t.Fatal(err)
	}
	if unaudited != 0 {
		t.Fatalf("%d households stored without their audit row", unaudited)
	}
	return stored
}
