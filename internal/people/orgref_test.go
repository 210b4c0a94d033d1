package people

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
)

// closedDB is a database that can no longer answer, standing in for an
// outage.
func closedDB(t *testing.T) *db.DB {
	t.Helper()
	d, err := db.Open(filepath.Join(t.TempDir(), "closed.db"))
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	return d
}

// TestOutageIsNotAFieldError: only a missing organisation is the user's
// mistake (a field error or an empty list); a database that cannot answer
// is passed on as an internal error.
func TestOutageIsNotAFieldError(t *testing.T) {
	ctx := context.Background()
	d := closedDB(t)
	f := apperr.Fields{}
	if _, ok, err := householdOrg(ctx, d, nil, f, 1); ok || err == nil || apperr.KindOf(err) != apperr.KindInternal || len(f) != 0 {
		t.Fatalf("householdOrg on a closed database: ok %v, err %v, fields %v", ok, err, f)
	}
	s := &Service{DB: d, Clock: db.SystemClock{}}
	if hs, err := s.ListHouseholds(ctx, nil, HouseholdFilter{OrgID: 1}); err == nil {
		t.Fatalf("households of an organisation on a closed database: %v, no error", hs)
	} else if !strings.Contains(err.Error(), "people: load organisation 1") {
		t.Fatalf("the error does not say which look-up failed: %v", err)
	}
	if _, err := s.ListHouseholds(ctx, nil, HouseholdFilter{}); err == nil || !strings.Contains(err.Error(), "people: list households") {
		t.Fatalf("the error does not say which query failed: %v", err)
	}
	if rs, err := s.ListResidents(ctx, nil, ResidentFilter{OrgID: 1}); err == nil {
		t.Fatalf("residents of an organisation on a closed database: %v, no error", rs)
	}
}
