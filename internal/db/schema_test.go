package db_test

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// columns lists table.column names of every application table.
func columns(t *testing.T, d *db.DB) []string {
	t.Helper()
	q := `SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`
	if d.Dialect == db.Postgres {
		q = `SELECT table_name || '.' || column_name FROM information_schema.columns
			WHERE table_schema = current_schema()`
	}
	rows, err := d.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Both dialects must end up with the same tables and columns, so one
// query text serves both.
func TestDialectsHaveSameSchema(t *testing.T) {
	lite := columns(t, testkit.SQLite(t))
	pg := columns(t, testkit.Postgres(t))
	if len(lite) < 50 {
		t.Fatalf("suspiciously few columns on SQLite: %d", len(lite))
	}
	if !reflect.DeepEqual(lite, pg) {
		onlyLite, onlyPG := diff(lite, pg), diff(pg, lite)
		t.Fatalf("schemas differ\nonly in sqlite: %v\nonly in postgres: %v", onlyLite, onlyPG)
	}
}

func diff(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if !in[x] {
			out = append(out, x)
		}
	}
	return out
}

// Every migration exists for both dialects with the same number and name.
func TestMigrationsPaired(t *testing.T) {
	lite, err := db.Migrations(db.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := db.Migrations(db.Postgres)
	if err != nil {
		t.Fatal(err)
	}
	names := func(ms []db.Migration) []string {
		var out []string
		for _, m := range ms {
			out = append(out, fmt.Sprintf("%04d %s", m.Version, m.Name))
		}
		return out
	}
	if !reflect.DeepEqual(names(lite), names(pg)) {
		t.Fatalf("migrations differ:\nsqlite:   %v\npostgres: %v", names(lite), names(pg))
	}
}

// Migrating twice applies nothing the second time.
func TestMigrateIsIdempotent(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		n, err := d.Migrate(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Fatalf("second migrate applied %d migrations", n)
		}
	})
}

// A subtree range covers exactly the descendants of a path.
func TestSubtreeRange(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		for _, p := range []string{"/1/", "/1/3/", "/1/3/7/", "/1/30/", "/1/4/", "/13/"} {
			if _, err := d.ExecContext(ctx, `INSERT INTO orgs(type, name, path, created_at) VALUES ('town', $1, $2, CURRENT_TIMESTAMP)`, p, p); err != nil {
				t.Fatal(err)
			}
		}
		var a db.Args
		cond := a.Subtree("path", []string{"/1/3/"})
		rows, err := d.QueryContext(ctx, `SELECT path FROM orgs WHERE `+cond+` ORDER BY path`, a.Values()...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []string
		for rows.Next() {
			var p string
			rows.Scan(&p)
			got = append(got, p)
		}
		if want := []string{"/1/3/", "/1/3/7/"}; !reflect.DeepEqual(got, want) {
			t.Fatalf("subtree of /1/3/ = %v, want %v", got, want)
		}
	})
}
