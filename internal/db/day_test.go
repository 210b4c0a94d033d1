package db_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"testing"

	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// TestDayRoundTripsAndOrders: a calendar day goes into a DATE column as
// "2006-01-02", comes back the same day, is NULL when zero, sorts and
// compares by the day on both databases, and a day stored earlier with a
// clock time reads as its day.
func TestDayRoundTripsAndOrders(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := d.ExecContext(ctx, `CREATE TABLE kit_days(id BIGINT PRIMARY KEY, on_day DATE)`); err != nil {
			t.Fatal(err)
		}
		days := []day.Day{day.New(2026, 3, 1), {}, day.New(2024, 2, 29), day.New(2026, 12, 31)}
		for i, on := range days {
			if _, err := d.ExecContext(ctx, `INSERT INTO kit_days(id, on_day) VALUES ($1, $2)`, i+1, on); err != nil {
				t.Fatal(err)
			}
		}
		rows, err := d.QueryContext(ctx, `SELECT on_day FROM kit_days WHERE on_day >= $1 ORDER BY on_day`, day.New(2024, 3, 1))
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.Collect(rows, func(r *sql.Rows, v *day.Day) error { return r.Scan(v) })
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(got)
		if string(b) != `["2026-03-01","2026-12-31"]` {
			t.Errorf("days from 2024-03-01 = %s", b)
		}
		var null day.Day = day.New(2000, 1, 1)
		if err := d.QueryRowContext(ctx, `SELECT on_day FROM kit_days WHERE id = 2`).Scan(&null); err != nil || !null.IsZero() {
			t.Errorf("NULL read as %v, %v", null, err)
		}
		var n int
		if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM kit_days WHERE on_day = $1`, day.New(2024, 2, 29)).Scan(&n); err != nil || n != 1 {
			t.Errorf("equality on a day found %d, %v", n, err)
		}
	})
}
