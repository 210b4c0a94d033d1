package db_test

import (
	"context"
	"database/sql"
	"runtime/debug"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// A bulk transaction gets room for its heap while it runs, and the serving
// limit is back once the last one ends, however many overlap.
func TestBulkTxRaisesTheMemoryLimitWhileItRuns(t *testing.T) {
	serving := int64(19 << 20)
	before := debug.SetMemoryLimit(serving)
	defer debug.SetMemoryLimit(before)
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		var during int64
		err := d.BulkTx(context.Background(), func(tx *sql.Tx) error {
			during = debug.SetMemoryLimit(-1)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if during < 100<<20 {
			t.Fatalf("limit during the bulk transaction: %d MiB, want at least 100", during>>20)
		}
		if now := debug.SetMemoryLimit(-1); now != serving {
			t.Fatalf("limit after it: %d MiB, want the serving %d MiB back", now>>20, serving>>20)
		}
	})
}
