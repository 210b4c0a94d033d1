package db

import (
	"errors"
	"fmt"
	"os"
)

// ErrInUse says another process holds the database's lock file.
var ErrInUse = errors.New("the database is in use")

// FileLock is an advisory lock on "<database>.lock". A server holds it
// shared for as long as it runs, so several servers may share a file, and
// restore takes it exclusive, so it cannot replace a file under a running
// server (whose later writes would land in the replaced file and be lost)
// and no server starts half-way through a restore. The operating system
// drops the lock when the process ends, even on a crash.
type FileLock struct {
	f    *os.File
	Path string
}

// LockPath is the lock file of a SQLite database.
func LockPath(database string) string { return database + ".lock" }

// LockShared takes the lock as a server does; it fails at once with
// ErrInUse while a restore holds it.
func LockShared(database string) (*FileLock, error) { return lockFile(database, false) }

// LockExclusive takes the lock as restore does; it fails at once with
// ErrInUse while any server holds it.
func LockExclusive(database string) (*FileLock, error) { return lockFile(database, true) }

func lockFile(database string, exclusive bool) (*FileLock, error) {
	path := LockPath(database)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, FileMode)
	if err != nil {
		return nil, fmt.Errorf("open lock file: %w", err)
	}
	if err := flock(f, exclusive); err != nil {
		f.Close()
		return nil, fmt.Errorf("%w: %s is locked (%v)", ErrInUse, path, err)
	}
	return &FileLock{f: f, Path: path}, nil
}

// Release drops the lock. The file stays; removing it could let two
// processes lock two different files of the same name.
func (l *FileLock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}
