package crashtest

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/db"
)

// A SQLite backup taken while writes run is a consistent point: it
// restores to a database whose chain verifies, which holds every write
// acknowledged before the backup began, and whose rows are exactly those
// the source's audit log records up to the backup's head.
func TestBackupUnderLoadSQLite(t *testing.T) {
	s := sqliteSite(t)
	file := filepath.Join(t.TempDir(), "under-load.db")
	l, ackedBefore, out := backupUnderLoad(t, s, "bk", func() string { return s.must("backup", "-to", file) })
	head := headPrinted(t, out)

	restored := sqliteSite(t)
	copyFile(t, s.url+".key", restored.url+".key")
	restored.must("restore", "-from", file)
	restored.must("audit", "verify")
	checkRestored(t, "SQLite backup", s, restored, "bk-", head, l, ackedBefore)
}

// scripts/pg-backup and scripts/pg-restore do the same for PostgreSQL.
func TestPostgresBackupScriptsUnderLoad(t *testing.T) {
	pgDump := filepath.Join(pgBin, "pg_dump")
	if _, err := os.Stat(pgDump); err != nil {
		t.Skipf("pg_dump is not installed at %s", pgDump)
	}
	source := postgresSite(t, sharedDatabase(t))
	dump := filepath.Join(t.TempDir(), "under-load.dump")
	l, ackedBefore, out := backupUnderLoad(t, source, "pgbk", func() string { return script(t, source, "pg-backup", dump) })
	head := headPrinted(t, out)
	if !strings.Contains(out, "DANGJIAN_KEY") {
		t.Fatalf("pg-backup does not say the key is not in the dump:\n%s", out)
	}
	if st, err := os.Stat(dump); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("dump file: %v %v", st, err)
	}

	restored := postgresSite(t, sharedDatabase(t))
	restored.must("migrate") // a live database with the schema, as when restoring over one
	if out := script(t, restored, "pg-restore", dump); !strings.Contains(out, "audit log intact") {
		t.Fatalf("pg-restore did not verify the chain:\n%s", out)
	}
	checkRestored(t, "PostgreSQL pg-backup", source, restored, "pgbk-", head, l, ackedBefore)
}

// backupUnderLoad serves the demo town, writes households prefixed
// prefix, runs backup after 150 acknowledged writes while the writes go
// on until 150 more are acknowledged after it, and stops the server. It returns the load, what was
// acknowledged before the backup began, and what the backup printed.
func backupUnderLoad(t *testing.T, s *site, prefix string, backup func() string) (*load, map[int64]string, string) {
	t.Helper()
	token, village := s.setUp()
	srv := s.serve()
	l := newLoad(srv, token, village, prefix)
	var ackedBefore map[int64]string
	var out string
	loadUntil(t, l, writers, 150, func() {
		ackedBefore = l.ackedCopy()
		out = backup()
	}, 150)
	srv.stop()
	return l, ackedBefore, out
}

// checkRestored compares a restored backup with its source and reports.
func checkRestored(t *testing.T, name string, source, restored *site, prefix string, head audit.Head, l *load, ackedBefore map[int64]string) {
	t.Helper()
	source.must("audit", "verify", "-head", head.String()) // the source still holds the backup's point
	src, dst := source.open(), restored.open()
	defer src.Close()
	defer dst.Close()
	n := sameRowsAtHead(t, src, dst, prefix, head, ackedBefore)
	acked := len(l.ackedCopy())
	if n >= acked {
		t.Fatalf("the backup holds %d households, the load's %d acknowledged writes all but none after it: not taken under load", n, acked)
	}
	t.Logf("%s under load: taken after %d acknowledged writes, holds %d of the %d acknowledged, audit head %d",
		name, len(ackedBefore), n, acked, head.Seq)
}

// sameRowsAtHead checks the backup against the source at the backup's
// head: the same last audit row, the load's households exactly those
// whose creation the source logged up to that row, and among them every
// one acknowledged before the backup began. It returns how many.
func sameRowsAtHead(t *testing.T, src, dst *db.DB, prefix string, head audit.Head, ackedBefore map[int64]string) int {
	t.Helper()
	got, err := audit.ReadHead(t.Context(), dst)
	if err != nil || got != head {
		t.Fatalf("restored head %v, printed %v (%v)", got, head, err)
	}
	want := ids(t, src, `SELECT h.id FROM households h JOIN audit_log a ON a.action = 'household.create' AND a.entity_id = h.id
		WHERE h.code LIKE $1 AND a.id <= $2`, prefix+"%", head.Seq)
	have := ids(t, dst, `SELECT id FROM households WHERE code LIKE $1`, prefix+"%")
	for id := range want {
		if !have[id] {
			t.Errorf("household %d, logged before the backup's head, is not in the backup", id)
		}
	}
	for id := range have {
		if !want[id] {
			t.Errorf("household %d is in the backup, but the source logged it after the backup's head", id)
		}
	}
	for id := range ackedBefore {
		if !have[id] {
			t.Errorf("household %d was acknowledged before the backup began but is not in it", id)
		}
	}
	return len(have)
}

func ids(t *testing.T, d *db.DB, query string, args ...any) map[int64]bool {
	t.Helper()
	rows, err := d.Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		out[id] = true
	}
	return out
}

var headPattern = regexp.MustCompile(`audit head (\d+:[0-9a-f]{64})`)

func headPrinted(t *testing.T, out string) audit.Head {
	t.Helper()
	m := headPattern.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no audit head in the backup's output:\n%s", out)
	}
	h, err := audit.ParseHead(m[1])
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// script runs one of scripts/ with the site's settings and the binary.
func script(t *testing.T, s *site, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(filepath.Join("..", "..", "scripts", name), args...)
	cmd.Env = append(os.Environ(), append(s.env, "DANGJIAN_BIN="+binary, "PG_BIN="+pgBin)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("scripts/%s: %v\n%s", name, err, out)
	}
	return string(out)
}

// sharedDatabase creates a database of the test's own on the test server
// (pg_dump and pg_restore take whole databases, not schemas).
func sharedDatabase(t *testing.T) string {
	u, err := url.Parse(testServer(t))
	if err != nil {
		t.Fatal(err)
	}
	name := uniqueName()
	admin, err := db.Open(u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if a, err := db.Open(u.String()); err == nil {
			a.Exec(`DROP DATABASE ` + name + ` WITH (FORCE)`)
			a.Close()
		}
	})
	u.Path = "/" + name
	return u.String()
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
