package members

import (
	"context"
	"path/filepath"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// TestOutageIsNotAFieldError: only a missing organisation or account is the
// user's mistake; a database that cannot answer is an internal error, not
// a message beside a form field.
func TestOutageIsNotAFieldError(t *testing.T) {
	d, err := db.Open(filepath.Join(t.TempDir(), "closed.db"))
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	ctx := context.Background()
	f := apperr.Fields{}
	if _, ok, err := placeFor(ctx, d, nil, f, "org_id", 1, auth.PermMemberWrite); ok || err == nil ||
		apperr.KindOf(err) != apperr.KindInternal || len(f) != 0 {
		t.Fatalf("placeFor on a closed database: ok %v, err %v, fields %v", ok, err, f)
	}
	if err := accountFor(ctx, d, nil, 1); err == nil || apperr.KindOf(err) != apperr.KindInternal {
		t.Fatalf("accountFor on a closed database: %v", err)
	}
	one := []prepared{{}}
	one[0].id.Hash, one[0].id.Lookups = "h", []string{"h"}
	if err := linkResidents(ctx, d, func(string) bool { return true }, one); err == nil {
		t.Fatal("linkResidents on a closed database: no error")
	}
}
