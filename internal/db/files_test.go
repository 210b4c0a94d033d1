//go:build unix

package db

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The database and its journals hold personal data: whatever the umask,
// only the server's user may read them.
func TestSQLiteFilesAreCreatedPrivate(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	path := filepath.Join(t.TempDir(), "town.db")
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Exec(`CREATE TABLE t (x INTEGER)`); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Exec(`INSERT INTO t VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if st.Mode().Perm() != FileMode {
			t.Errorf("%s has mode %v, want %v", filepath.Base(p), st.Mode().Perm(), FileMode)
		}
	}

	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := CreateBackupFile(backup); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Exec(`VACUUM INTO $1`, backup); err != nil {
		t.Fatalf("VACUUM INTO the created empty file: %v", err)
	}
	if st, _ := os.Stat(backup); st.Mode().Perm() != FileMode || st.Size() == 0 {
		t.Fatalf("backup mode %v size %d", st.Mode().Perm(), st.Size())
	}
	if err := CreateBackupFile(backup); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Fatalf("a second backup over the first: %v", err)
	}
}

func TestFileLockSharedAgainstExclusive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "town.db")
	server1, err := LockShared(path)
	if err != nil {
		t.Fatal(err)
	}
	server2, err := LockShared(path)
	if err != nil {
		t.Fatalf("two servers on one file: %v", err)
	}
	if _, err := LockExclusive(path); !errors.Is(err, ErrInUse) {
		t.Fatalf("restore while servers run: %v", err)
	}
	server1.Release()
	if _, err := LockExclusive(path); !errors.Is(err, ErrInUse) {
		t.Fatalf("restore while one server still runs: %v", err)
	}
	server2.Release()
	restore, err := LockExclusive(path)
	if err != nil {
		t.Fatalf("restore with no server: %v", err)
	}
	if _, err := LockShared(path); !errors.Is(err, ErrInUse) {
		t.Fatalf("a server starting during a restore: %v", err)
	}
	restore.Release()
	if st, err := os.Stat(LockPath(path)); err != nil || st.Mode().Perm() != FileMode {
		t.Fatalf("lock file: %v %v", st, err)
	}
	if err := (*FileLock)(nil).Release(); err != nil {
		t.Fatal("releasing no lock must be harmless")
	}
}
