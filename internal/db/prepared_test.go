package db

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// Reads through the SQLite read pool are prepared once per text and
// reused; a query with a long IN list is not kept, and neither is a
// statement that fails to prepare (the plain query reports its error).
func TestReadsArePreparedOnce(t *testing.T) {
	d, err := Open(filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ctx := context.Background()
	if _, err := d.ExecContext(ctx, `CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)`); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ExecContext(ctx, `INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b')`); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"a", "b", "a"} {
		var v string
		if err := d.QueryRowContext(ctx, `SELECT v FROM t WHERE id = $1`, []int{1, 2, 1}[i]).Scan(&v); err != nil || v != want {
			t.Fatalf("read %d: %q %v", i, v, err)
		}
	}
	if n := d.nstmts.Load(); n != 1 {
		t.Fatalf("%d statements prepared for one text", n)
	}
	ids := make([]int, maxPreparedArgs+1)
	for i := range ids {
		ids[i] = i
	}
	var a Args
	q := `SELECT COUNT(*) FROM t WHERE id IN (` + InList(&a, ids) + `)`
	args := a.Values()
	var n int
	if err := d.QueryRowContext(ctx, q, args...).Scan(&n); err != nil || n != 2 {
		t.Fatalf("long IN list: %d %v", n, err)
	}
	if err := d.QueryRowContext(ctx, `SELECT nope FROM t`).Scan(&n); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Fatalf("a bad read answered %v", err)
	}
	if n := d.nstmts.Load(); n != 1 {
		t.Fatalf("%d statements kept after a long IN list and a bad read", n)
	}
}
