package db_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// TestCollectAndInList: rows collect into a slice that is [] in JSON when
// empty, an IN list binds every value, and optional dates go in as NULL
// and come back as nil, on both databases.
func TestCollectAndInList(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := d.ExecContext(ctx, `CREATE TABLE kit_rows(id BIGINT PRIMARY KEY, name TEXT NOT NULL, on_day DATE)`); err != nil {
			t.Fatal(err)
		}
		day := time.Date(2026, 3, 1, 15, 4, 5, 0, time.UTC)
		for i, on := range []*time.Time{&day, nil, {}} {
			if _, err := d.ExecContext(ctx, `INSERT INTO kit_rows(id, name, on_day) VALUES ($1, $2, $3)`,
				i+1, string(rune('a'+i)), db.NullDay(on)); err != nil {
				t.Fatal(err)
			}
		}
		type row struct {
			ID   int64
			Name string
			On   *time.Time
		}
		scan := func(r *sql.Rows, v *row) error {
			var on sql.NullTime
			err := r.Scan(&v.ID, &v.Name, &on)
			v.On = db.DayPtr(on)
			return err
		}
		query := func(ids []int64) []row {
			t.Helper()
			var args db.Args
			rows, err := d.QueryContext(ctx, `SELECT id, name, on_day FROM kit_rows WHERE id IN (`+db.InList(&args, ids)+
				`) ORDER BY id`, args.Values()...)
			if err != nil {
				t.Fatal(err)
			}
			out, err := db.Collect(rows, scan)
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		got := query([]int64{3, 1, 2})
		if len(got) != 3 || got[0].Name != "a" || got[2].Name != "c" {
			t.Fatalf("rows %+v", got)
		}
		if got[0].On == nil || !got[0].On.Equal(db.Day(day)) || got[1].On != nil || got[2].On != nil {
			t.Fatalf("dates %v %v %v: want 2026-03-01, NULL, NULL", got[0].On, got[1].On, got[2].On)
		}
		none := query([]int64{99})
		if b, _ := json.Marshal(none); none == nil || string(b) != "[]" {
			t.Fatalf("no rows: %#v marshals as %s", none, b)
		}
	})
}

func TestLimit(t *testing.T) {
	for _, c := range [][4]int{{0, 50, 200, 50}, {-3, 50, 200, 50}, {1, 50, 200, 1}, {200, 50, 200, 200}, {201, 50, 200, 200}} {
		if got := db.Limit(c[0], c[1], c[2]); got != c[3] {
			t.Errorf("Limit(%d, %d, %d) = %d, want %d", c[0], c[1], c[2], got, c[3])
		}
	}
}
