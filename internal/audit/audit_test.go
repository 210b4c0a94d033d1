package audit_test

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

var ctx = context.Background()

var at = time.Date(2026, 11, 26, 9, 0, 0, 123456789, time.UTC)

// record appends one change in its own transaction.
func record(t *testing.T, d *db.DB, who audit.Actor, e audit.Entry) {
	t.Helper()
	if err := d.Tx(ctx, func(tx *sql.Tx) error { return audit.Record(ctx, tx, at, who, e) }); err != nil {
		t.Fatal(err)
	}
}

// orgs inserts two sibling villages under one town and returns their ids
// and paths, for scoped reading.
func orgs(t *testing.T, d *db.DB) (ids [3]int64, paths [3]string) {
	t.Helper()
	for i, name := range []string{"大河镇党委", "海丹村党总支", "海戛村党总支"} {
		tmp := "/tmp-" + name + "/"
		var parent any
		if i > 0 {
			parent = ids[0]
		}
		if err := d.QueryRowContext(ctx, `INSERT INTO orgs(parent_id, type, name, path, created_at)
			VALUES ($1, 'x', $2, $3, $4) RETURNING id`, parent, name, tmp, at).Scan(&ids[i]); err != nil {
			t.Fatal(err)
		}
		paths[i] = "/" + strconv.FormatInt(ids[i], 10) + "/"
		if i > 0 {
			paths[i] = paths[0] + strconv.FormatInt(ids[i], 10) + "/"
		}
		if _, err := d.ExecContext(ctx, `UPDATE orgs SET path = $1 WHERE id = $2`, paths[i], ids[i]); err != nil {
			t.Fatal(err)
		}
	}
	return ids, paths
}

// sample writes five changes across two villages.
func sample(t *testing.T, d *db.DB) ([3]int64, [3]string) {
	t.Helper()
	ids, paths := orgs(t, d)
	li := audit.Actor{ID: 0, Name: "system"}
	record(t, d, li, audit.Entry{Action: "org.create", Entity: "org", EntityID: ids[1], OrgID: ids[1],
		After: map[string]any{"name": "海丹村党总支"}})
	record(t, d, li, audit.Entry{Action: "org.create", Entity: "org", EntityID: ids[2], OrgID: ids[2],
		After: map[string]any{"name": "海戛村党总支"}})
	record(t, d, li, audit.Entry{Action: "post.assign", Entity: "post", EntityID: 11, OrgID: ids[1],
		After: map[string]any{"holder_name": "张三"}})
	record(t, d, li, audit.Entry{Action: "post.assign", Entity: "post", EntityID: 11, OrgID: ids[1],
		Before: map[string]any{"holder_name": "张三"}, After: map[string]any{"holder_name": "李四"}})
	record(t, d, li, audit.Entry{Action: "post.assign", Entity: "post", EntityID: 21, OrgID: ids[2],
		After: map[string]any{"holder_name": "王五"}})
	return ids, paths
}

func verify(t *testing.T, d *db.DB) (int64, *audit.Broken) {
	t.Helper()
	n, broken, err := audit.Verify(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	return n, broken
}

func TestRecordChainsRows(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		sample(t, d)
		if n, broken := verify(t, d); n != 5 || broken != nil {
			t.Fatalf("fresh log: %d rows, broken %+v", n, broken)
		}
		rows, err := audit.List(ctx, d, audit.Filter{All: true, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 5 || rows[0].ID != 5 || rows[4].ID != 1 {
			t.Fatalf("newest first: %+v", rows)
		}
		for i := 0; i < 4; i++ {
			if rows[i].PrevHash != rows[i+1].Hash {
				t.Fatalf("row %d does not point at row %d", rows[i].ID, rows[i+1].ID)
			}
		}
		if rows[4].PrevHash != "" || len(rows[4].Hash) != 64 {
			t.Fatalf("first row: prev %q hash %q", rows[4].PrevHash, rows[4].Hash)
		}
		if !rows[0].At.Equal(at.Truncate(time.Microsecond)) {
			t.Fatalf("time stored as %v", rows[0].At)
		}
		if rows[1].Before != `{"holder_name":"张三"}` || rows[1].After != `{"holder_name":"李四"}` {
			t.Fatalf("before/after: %q %q", rows[1].Before, rows[1].After)
		}
		var seq int64
		var head string
		if err := d.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head`).Scan(&seq, &head); err != nil {
			t.Fatal(err)
		}
		if seq != 5 || head != rows[0].Hash {
			t.Fatalf("head %d %s, want 5 %s", seq, head, rows[0].Hash)
		}
	})
}

func TestRolledBackChangeLeavesNoRecord(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		sample(t, d)
		failed := errors.New("rule refused")
		err := d.Tx(ctx, func(tx *sql.Tx) error {
			if err := audit.Record(ctx, tx, at, audit.System, audit.Entry{Action: "post.assign", Entity: "post", EntityID: 1}); err != nil {
				return err
			}
			return failed
		})
		if !errors.Is(err, failed) {
			t.Fatal(err)
		}
		record(t, d, audit.System, audit.Entry{Action: "post.vacate", Entity: "post", EntityID: 1})
		if n, broken := verify(t, d); n != 6 || broken != nil {
			t.Fatalf("after a rollback: %d rows, broken %+v", n, broken)
		}
	})
}

// Each way of tampering with the stored log is found and located.
func TestVerifyLocatesTampering(t *testing.T) {
	for _, c := range []struct {
		name, sql string
		args      []any
		id        int64
		reason    string
	}{
		{"edited row", `UPDATE audit_log SET after_json = $1 WHERE id = 3`, []any{`{"holder_name":"赵六"}`},
			3, "content does not match"},
		// Recomputing the edited row's own hash still breaks the link from
		// the next row; here the hash is simply replaced.
		{"rewritten hash", `UPDATE audit_log SET actor_name = 'mallory', hash = $1 WHERE id = 2`, []any{strings.Repeat("0", 64)},
			2, "content does not match"},
		{"deleted middle row", `DELETE FROM audit_log WHERE id = 2`, nil, 3, "row 2 is missing"},
		// The remaining rows still chain perfectly; only the head knows.
		{"deleted last row", `DELETE FROM audit_log WHERE id = 5`, nil, 5, "head records 5"},
	} {
		t.Run(c.name, func(t *testing.T) {
			testkit.Dialects(t, func(t *testing.T, d *db.DB) {
				sample(t, d)
				if _, err := d.ExecContext(ctx, c.sql, c.args...); err != nil {
					t.Fatal(err)
				}
				_, broken := verify(t, d)
				if broken == nil || broken.ID != c.id || !strings.Contains(broken.Reason, c.reason) {
					t.Fatalf("want row %d (%s), got %+v", c.id, c.reason, broken)
				}
			})
		})
	}
}

func TestListFiltersAndScope(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		_, paths := sample(t, d)
		list := func(f audit.Filter) []int64 {
			t.Helper()
			rows, err := audit.List(ctx, d, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, r := range rows {
				out = append(out, r.ID)
			}
			return out
		}
		eq := func(what string, got []int64, want ...int64) {
			t.Helper()
			if len(got) != len(want) {
				t.Fatalf("%s: %v, want %v", what, got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%s: %v, want %v", what, got, want)
				}
			}
		}
		eq("海丹's subtree", list(audit.Filter{OrgPaths: []string{paths[1]}}), 4, 3, 1)
		eq("no scope sees nothing", list(audit.Filter{}))
		eq("one record", list(audit.Filter{All: true, Entity: "post", EntityID: 11}), 4, 3)
		eq("keyset page", list(audit.Filter{All: true, BeforeID: 4, Limit: 2}), 3, 2)
	})
}

func TestListNamesActorAndOrganisation(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		ids, paths := orgs(t, d)
		var uid int64
		if err := d.QueryRowContext(ctx, `INSERT INTO users(username, display_name, password_hash, created_at)
			VALUES ('wangfang', '王芳', 'x', $1) RETURNING id`, at).Scan(&uid); err != nil {
			t.Fatal(err)
		}
		record(t, d, audit.Actor{ID: uid, Name: "wangfang"}, audit.Entry{Action: "org.update", Entity: "org",
			EntityID: ids[1], OrgID: ids[1], After: map[string]any{"sort_order": 2}})
		record(t, d, audit.System, audit.Entry{Action: "token.create", Entity: "api_token", EntityID: 7})
		rows, err := audit.List(ctx, d, audit.Filter{All: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 {
			t.Fatalf("rows: %+v", rows)
		}
		sys, user := rows[0], rows[1]
		if user.ActorName != "wangfang" || user.ActorFullName != "王芳" || user.OrgPath != paths[1] || user.OrgName != "海丹村党总支" {
			t.Fatalf("user's row: %+v", user)
		}
		if sys.ActorFullName != "" || sys.OrgPath != "" || sys.OrgName != "" {
			t.Fatalf("system row without organisation: %+v", sys)
		}
	})
}
