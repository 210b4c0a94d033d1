package testkit

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/services"
)

// The demo town takes seconds to build through the use cases (longer on
// PostgreSQL), and most HTTP tests start from it. Each test process builds
// it once per database, in a template of its own, and every test copies
// the template's rows into its fresh database: the same rows, ids and
// audit chain that loading it would have written, in a fraction of the
// time. A template is left behind when the process ends (a file in the
// temporary directory, a schema on the test server); scripts/test throws
// both away with its run.

// demoTemplate is one database's built demo town.
type demoTemplate struct {
	once  sync.Once
	town  *demo.Town
	where string // SQLite: the file; PostgreSQL: the schema
	err   error
}

var templates = map[db.Dialect]*demoTemplate{db.SQLite: {}, db.Postgres: {}}

// loadDemo fills the empty, migrated d with the demo town, copied from the
// process's template of d's database.
func loadDemo(ctx context.Context, d *db.DB) (*demo.Town, error) {
	tpl := templates[d.Dialect]
	tpl.once.Do(func() { tpl.town, tpl.where, tpl.err = buildTemplate(ctx, d.Dialect) })
	if tpl.err != nil {
		return nil, fmt.Errorf("demo template: %w", tpl.err)
	}
	var err error
	if d.Dialect == db.SQLite {
		err = copySQLite(ctx, d, tpl.where)
	} else {
		err = copyPostgres(ctx, d, tpl.where)
	}
	if err != nil {
		return nil, fmt.Errorf("copy the demo template: %w", err)
	}
	return cloneTown(tpl.town), nil
}

// buildTemplate loads the demo town into a new database of the dialect
// and says where it is.
func buildTemplate(ctx context.Context, dialect db.Dialect) (*demo.Town, string, error) {
	var dsn, where string
	if dialect == db.SQLite {
		dir, err := os.MkdirTemp("", "dangjian-demo-")
		if err != nil {
			return nil, "", err
		}
		where = filepath.Join(dir, "demo.db")
		dsn = where
	} else {
		base := os.Getenv(PostgresURLEnv)
		b := make([]byte, 6)
		rand.Read(b)
		where = "demo_" + hex.EncodeToString(b)
		admin, err := db.Open(base)
		if err != nil {
			return nil, "", err
		}
		_, err = admin.ExecContext(ctx, `CREATE SCHEMA `+where)
		admin.Close()
		if err != nil {
			return nil, "", err
		}
		u, err := url.Parse(base)
		if err != nil {
			return nil, "", err
		}
		q := u.Query()
		q.Set("search_path", where)
		u.RawQuery = q.Encode()
		dsn = u.String()
	}
	d, err := db.Open(dsn)
	if err != nil {
		return nil, "", err
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		return nil, "", err
	}
	svc, err := services.New(d, Clock(), Key)
	if err != nil {
		return nil, "", err
	}
	svc.Auth.Password = testPasswords
	town, err := demo.Load(ctx, svc, func(string, ...any) {})
	return town, where, err
}

// testPasswords is cheap hashing, which keeps tests quick; the production
// cost is tested apart.
var testPasswords = auth.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}

// copySQLite copies every table's rows from the template file into d on
// its one writer connection.
func copySQLite(ctx context.Context, d *db.DB, file string) error {
	conn, err := d.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE $1 AS tpl`, file); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `DETACH DATABASE tpl`)
	tables, err := names(ctx, conn, `SELECT name FROM tpl.sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name`)
	if err != nil {
		return err
	}
	// Foreign keys are off for the copy, as the rows were consistent where
	// they came from: deleting a seeded row must not cascade to the rows
	// already copied. The setting cannot change inside a transaction.
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`)
	return inTx(ctx, conn, "", func(tx *sql.Tx) error {
		for _, t := range tables {
			// A fresh database holds only what migrations seed (the audit
			// chain's head, for one), which the template holds too.
			if _, err := tx.ExecContext(ctx, `DELETE FROM main.`+t); err != nil {
				return fmt.Errorf("%s: %w", t, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO main.`+t+` SELECT * FROM tpl.`+t); err != nil {
				return fmt.Errorf("%s: %w", t, err)
			}
		}
		return nil
	})
}

// copyPostgres copies every table's rows from the template schema into
// d's schema, with foreign-key triggers off for the copy (the rows were
// consistent where they came from), and moves each identity on past the
// ids copied.
func copyPostgres(ctx context.Context, d *db.DB, schema string) error {
	conn, err := d.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tables, err := names(ctx, conn, `SELECT table_name FROM information_schema.tables WHERE table_schema = $1
		AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY table_name`, schema)
	if err != nil {
		return err
	}
	identities, err := names(ctx, conn, `SELECT table_name || '.' || column_name FROM information_schema.columns
		WHERE table_schema = $1 AND is_identity = 'YES' ORDER BY 1`, schema)
	if err != nil {
		return err
	}
	return inTx(ctx, conn, `SET LOCAL session_replication_role = replica`, func(tx *sql.Tx) error {
		for _, t := range tables {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
				return fmt.Errorf("%s: %w", t, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO `+t+` SELECT * FROM `+schema+`.`+t); err != nil {
				return fmt.Errorf("%s: %w", t, err)
			}
		}
		for _, tc := range identities {
			t, c, _ := strings.Cut(tc, ".")
			if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', '`+c+`'), COALESCE(MAX(`+c+`), 0) + 1, false) FROM `+t); err != nil {
				return fmt.Errorf("%s: %w", tc, err)
			}
		}
		return nil
	})
}

// inTx runs fn in a transaction on conn that first runs setup, if any.
func inTx(ctx context.Context, conn *sql.Conn, setup string, fn func(*sql.Tx) error) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if setup != "" {
		if _, err := tx.ExecContext(ctx, setup); err != nil {
			return err
		}
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func names(ctx context.Context, conn *sql.Conn, q string, args ...any) ([]string, error) {
	rows, err := conn.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return db.Collect(rows, func(r *sql.Rows, s *string) error { return r.Scan(s) })
}

// cloneTown gives each test its own maps, so one test's changes to them
// never reach another's.
func cloneTown(t *demo.Town) *demo.Town {
	c := *t
	c.Villages, c.Groups, c.UserIDs = maps.Clone(t.Villages), maps.Clone(t.Groups), maps.Clone(t.UserIDs)
	c.Industry = slices.Clone(t.Industry)
	return &c
}
