package org

import (
	"context"
	"path/filepath"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
)

// TestCheckResidentPassesOutages: only a missing resident becomes the
// field error; a database that cannot answer is an internal error, not
// the user's mistake.
func TestCheckResidentPassesOutages(t *testing.T) {
	d, err := db.Open(filepath.Join(t.TempDir(), "closed.db"))
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	f := apperr.Fields{}
	err = checkResident(context.Background(), d, nil, f, 1)
	if err == nil || apperr.KindOf(err) != apperr.KindInternal || len(f) != 0 {
		t.Fatalf("closed database: err %v, fields %v", err, f)
	}
}
