package db

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// FileMode is the mode of every SQLite file dangjian creates: the
// database, its -wal and -shm (SQLite gives those its database's mode) and
// backups. They hold personal data, so only the server's user reads them.
const FileMode os.FileMode = 0o600

// createPrivate creates path empty with FileMode, failing when it exists.
// Creating the file first, instead of letting SQLite do it, is what keeps
// the umask's usual 0644 off the database and its journals.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, FileMode)
	if err != nil {
		return err
	}
	return f.Close()
}

// prepareSQLiteFile creates a missing database file with FileMode; an
// existing one is left as the operator set it. In-memory and URI names
// are SQLite's business.
func prepareSQLiteFile(path string) error {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil
	}
	err := createPrivate(path)
	if err == nil || errors.Is(err, os.ErrExist) {
		return nil
	}
	return fmt.Errorf("create sqlite %s: %w", path, err)
}

// CreateBackupFile creates the empty file a backup is written into
// (VACUUM INTO accepts an empty file), with FileMode. It refuses an
// existing file, so a backup never overwrites anything.
func CreateBackupFile(path string) error {
	if err := createPrivate(path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s exists; choose a new file name", path)
		}
		return err
	}
	return nil
}
