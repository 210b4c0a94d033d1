package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dangjian/internal/db"
)

// Restore must not replace the file under a running server: the server
// would go on writing into the old, unlinked file and every later write
// would be lost. The server's lock is what restore runs into.
func TestRestoreRefusedWhileServerHoldsTheDatabase(t *testing.T) {
	c := newCLI(t)
	c.must("org", "add", "-type", "town", "-name", "大河镇党委")
	backup := filepath.Join(c.dir, "b.db")
	c.must("backup", "-to", backup)
	server, err := db.LockShared(c.db) // what `serve` holds while it runs
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(c.db)
	_, err = c.run("restore", "-from", backup)
	if err == nil || !strings.Contains(err.Error(), "running dangjian server") || !strings.Contains(err.Error(), "town.db.lock") {
		t.Fatalf("restore under a running server: %v", err)
	}
	if after, _ := os.ReadFile(c.db); !bytes.Equal(before, after) {
		t.Fatal("the refused restore changed the database")
	}
	server.Release()
	if out := c.must("restore", "-from", backup); !strings.Contains(out, "restored") {
		t.Fatalf("restore once the server stopped: %q", out)
	}

	if _, err := c.run("restore", "-from", backup, "-db", "postgres://u@127.0.0.1/d"); err == nil || !strings.Contains(err.Error(), "scripts/pg-restore") {
		t.Fatalf("restore onto PostgreSQL: %v", err)
	}

	// And while restore holds the lock, no command opens the database.
	restoring, err := db.LockExclusive(c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer restoring.Release()
	if _, err := c.run("migrate"); err == nil || !strings.Contains(err.Error(), "restore") {
		t.Fatalf("a command during a restore: %v", err)
	}
}

// A database that holds sealed id numbers, restored or copied without its
// key file, must not get a fresh key: the numbers would be unreadable.
func TestMissingKeyFileForSealedDataRefusesToStart(t *testing.T) {
	c := newCLI(t)
	c.must("demo")
	key := c.db + ".key"
	if err := os.Rename(key, key+".elsewhere"); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"migrate"}, {"serve", "-addr", "127.0.0.1:0"}, {"audit", "verify"}} {
		_, err := c.run(cmd...)
		if err == nil || !strings.Contains(err.Error(), "key file "+key+" is missing") || !strings.Contains(err.Error(), "sealed id numbers") {
			t.Fatalf("%v without the key file: %v", cmd, err)
		}
		if _, err := os.Stat(key); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%v created a new key file for sealed data", cmd)
		}
	}
	os.Rename(key+".elsewhere", key)
	c.must("migrate")

	// A database without id numbers may get a new key.
	bare := newCLI(t)
	bare.must("org", "add", "-type", "town", "-name", "大河镇党委")
	os.Remove(bare.db + ".key")
	bare.must("migrate")
	if _, err := os.Stat(bare.db + ".key"); err != nil {
		t.Fatalf("no new key for a database without id numbers: %v", err)
	}
}

func TestBackupIsPrivateAndNamesTheKey(t *testing.T) {
	c := newCLI(t)
	c.must("org", "add", "-type", "town", "-name", "大河镇党委")
	backup := filepath.Join(c.dir, "b.db")
	out := c.must("backup", "-to", backup)
	if !regexp.MustCompile(`audit head 1:[0-9a-f]{64}`).MatchString(out) {
		t.Fatalf("backup does not print the head it stands at: %q", out)
	}
	if !strings.Contains(out, "key is in "+c.db+".key") || !strings.Contains(out, "copy it along") {
		t.Fatalf("backup does not say where the key is: %q", out)
	}
	if st, err := os.Stat(backup); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v %v", st, err)
	}

	// Restored where no key file is: say which one to copy there.
	target := newCLI(t)
	os.WriteFile(backup+".key", []byte("copied"), 0o600)
	out = target.must("restore", "-from", backup)
	if !strings.Contains(out, "no key file "+target.db+".key") || !strings.Contains(out, "copy "+backup+".key there") {
		t.Fatalf("restore without a key file beside the target: %q", out)
	}
	if st, err := os.Stat(target.db); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("restored file: %v %v", st, err)
	}
	c.env["DANGJIAN_KEY"] = strings.Repeat("ab", 32)
	if out := c.must("backup", "-to", filepath.Join(c.dir, "c.db")); !strings.Contains(out, "DANGJIAN_KEY") {
		t.Fatalf("backup with the key in the environment: %q", out)
	}
}

// `audit head` kept outside the database catches a log cut back with its
// head moved, which verify alone passes.
func TestAuditHeadKeptOutside(t *testing.T) {
	c := newCLI(t)
	town := c.must("org", "add", "-type", "town", "-name", "大河镇党委")
	parent := regexp.MustCompile(`id (\d+)`).FindStringSubmatch(town)[1]
	c.must("org", "add", "-type", "general_branch", "-name", "海丹村党总支", "-parent", parent)
	kept := strings.TrimSpace(c.must("audit", "head"))
	if !regexp.MustCompile(`^2:[0-9a-f]{64}$`).MatchString(kept) {
		t.Fatalf("audit head printed %q", kept)
	}
	file := filepath.Join(c.dir, "head.txt")
	os.WriteFile(file, []byte(kept+"\n"), 0o600)
	c.must("org", "add", "-type", "general_branch", "-name", "海戛村党总支", "-parent", parent)
	for _, h := range []string{kept, file} {
		if out := c.must("audit", "verify", "-head", h); !strings.Contains(out, "kept head 2 found") {
			t.Fatalf("verify -head %s: %q", h, out)
		}
	}

	d := c.open(c.db)
	var hash1 string
	d.QueryRow(`SELECT hash FROM audit_log WHERE id = 1`).Scan(&hash1)
	if _, err := d.Exec(`DELETE FROM audit_log WHERE id > 1`); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Exec(`UPDATE audit_head SET seq = 1, hash = $1`, hash1); err != nil {
		t.Fatal(err)
	}
	if out := c.must("audit", "verify"); !strings.Contains(out, "intact: 1 rows") {
		t.Fatalf("the cut log verifies without a kept head: %q", out)
	}
	out, err := c.run("audit", "verify", "-head", file)
	var exit exitError
	if !errors.As(err, &exit) || exit.code != 2 || !strings.Contains(out, "BROKEN at row 2") {
		t.Fatalf("verify -head on a cut log: %v %q", err, out)
	}
	if _, err := c.run("audit", "verify", "-head", "2:nothex"); err == nil || !strings.Contains(err.Error(), "neither SEQ:HASH") {
		t.Fatalf("a bad -head: %v", err)
	}
}
