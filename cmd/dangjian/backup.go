package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"dangjian/internal/audit"
	"dangjian/internal/config"
	"dangjian/internal/db"
)

// backup copies a live SQLite database with VACUUM INTO, which takes a
// consistent snapshot while the server keeps running. The file is
// created first, mode 0600, so the copy is as private as the database.
func backup(ctx context.Context, args []string, env func(string) string) error {
	var to string
	a, _, err := open(ctx, "backup", args, env, func(fs *flag.FlagSet) {
		fs.StringVar(&to, "to", "", "backup file to write (must not exist)")
	})
	if err != nil {
		return err
	}
	defer a.Close()
	if a.DB.Dialect != db.SQLite {
		return fmt.Errorf("PostgreSQL databases are backed up with scripts/pg-backup (pg_dump); see docs/operations.md")
	}
	if to == "" {
		return fmt.Errorf("give the backup file with -to")
	}
	if err := db.CreateBackupFile(to); err != nil {
		return err
	}
	if _, err := a.DB.ExecContext(ctx, `VACUUM INTO $1`, to); err != nil {
		return errors.Join(err, os.Remove(to))
	}
	head, err := backupHead(ctx, to)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup written to %s (audit head %s)\n", to, head)
	fmt.Fprintln(stdout, keyReminder(a.Config))
	return nil
}

// backupHead reads the audit head inside the written copy: the point the
// backup stands at, worth keeping beside it for `audit verify -head`.
func backupHead(ctx context.Context, path string) (audit.Head, error) {
	b, err := db.Open(path)
	if err != nil {
		return audit.Head{}, err
	}
	defer b.Close()
	return audit.ReadHead(ctx, b)
}

// keyReminder says where the key of the id numbers is: a backup does
// not contain it, and without it the numbers cannot be read.
func keyReminder(cfg config.Config) string {
	if cfg.KeyFile == "" {
		return "the id-number key is DANGJIAN_KEY, not in the backup: keep a copy of it with the backup"
	}
	return fmt.Sprintf("the id-number key is in %s, not in the backup: copy it along with the backup", cfg.KeyFile)
}

// restore replaces the database file with a backup after checking that
// the backup opens and its audit chain holds. It holds the database's
// lock exclusively throughout, so it refuses while a server (or any other
// command) has the database open, and no server starts half-way.
func restore(ctx context.Context, args []string, env func(string) string) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	var from, dbPath string
	fs.StringVar(&from, "from", "", "backup file")
	fs.StringVar(&dbPath, "db", env("DANGJIAN_DB"), "SQLite database file to replace")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if dbPath == "" {
		dbPath = "dangjian.db"
	}
	if from == "" {
		return fmt.Errorf("give the backup file with -from")
	}
	if (config.Config{Database: dbPath}).IsPostgres() {
		return fmt.Errorf("restore replaces a SQLite file; PostgreSQL is restored with scripts/pg-restore (see docs/operations.md)")
	}
	lock, err := db.LockExclusive(dbPath)
	if err != nil {
		if errors.Is(err, db.ErrInUse) {
			return fmt.Errorf("%s is open by a running dangjian server or command (%s is locked): stop it, then restore; "+
				"restoring under a running server would lose every write it makes afterwards", dbPath, db.LockPath(dbPath))
		}
		return err
	}
	defer lock.Release()
	n, err := verifyBackup(ctx, from)
	if err != nil {
		return err
	}
	if err := replaceFile(dbPath, from); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s from %s (%d audit rows verified)\n", dbPath, from, n)
	fmt.Fprintln(stdout, restoredKeyAdvice(dbPath, from, env("DANGJIAN_KEY") != ""))
	return nil
}

func verifyBackup(ctx context.Context, from string) (int64, error) {
	if _, err := os.Stat(from); err != nil {
		return 0, err // db.Open would create it
	}
	b, err := db.Open(from)
	if err != nil {
		return 0, err
	}
	n, broken, err := audit.Verify(ctx, b)
	b.Close()
	if err != nil {
		return 0, fmt.Errorf("%s is not a dangjian backup: %w", from, err)
	}
	if broken != nil {
		return 0, fmt.Errorf("%s has a broken audit log at row %d; not restored", from, broken.ID)
	}
	return n, nil
}

// replaceFile copies from beside dbPath, then renames it over dbPath, so
// a crash leaves either the old database or the new one, never half.
func replaceFile(dbPath, from string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	tmp := dbPath + ".restoring"
	os.Remove(tmp)
	dst, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, db.FileMode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return errors.Join(err, os.Remove(tmp))
	}
	if err := errors.Join(dst.Sync(), dst.Close()); err != nil {
		return errors.Join(err, os.Remove(tmp))
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(dbPath + suffix)
	}
	return os.Rename(tmp, dbPath)
}

// restoredKeyAdvice tells the operator which key the restored id numbers
// need, and where it must be, before the server is started again.
func restoredKeyAdvice(dbPath, from string, keyInEnv bool) string {
	keyFile := dbPath + ".key"
	switch {
	case keyInEnv:
		return "id numbers are read with DANGJIAN_KEY: it must be the key this backup was made with"
	case fileExists(keyFile):
		return fmt.Sprintf("the key file %s was kept: it must be the key this backup was made with", keyFile)
	case fileExists(from + ".key"):
		return fmt.Sprintf("there is no key file %s: copy %s.key there before starting the server", keyFile, from)
	}
	return fmt.Sprintf("there is no key file %s: put the key file that belongs to this backup there before starting "+
		"the server (it refuses to start without it when the backup holds id numbers)", keyFile)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
