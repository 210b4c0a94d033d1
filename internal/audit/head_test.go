package audit_test

import (
	"strings"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

func TestParseHead(t *testing.T) {
	hash := strings.Repeat("ab", 32)
	h, err := audit.ParseHead(" 42:" + hash + "\n")
	if err != nil || h.Seq != 42 || h.Hash != hash || h.String() != "42:"+hash {
		t.Fatalf("ParseHead: %+v %v", h, err)
	}
	if h, err := audit.ParseHead("0:"); err != nil || h.Seq != 0 {
		t.Fatalf("the empty chain's head: %+v %v", h, err)
	}
	for _, bad := range []string{"", "42", "x:" + hash, "-1:" + hash, "42:abc", `D:\backup\head.txt`} {
		if _, err := audit.ParseHead(bad); err == nil {
			t.Errorf("ParseHead(%q) accepted", bad)
		}
	}
}

// A kept head catches the two rewrites Verify alone cannot see: rows cut
// from the end with the head moved back, and a whole chain recomputed.
func TestContainsCatchesCutAndRewrittenChains(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		for i := range 5 {
			record(t, d, audit.System, audit.Entry{Action: "org.create", Entity: "org", EntityID: int64(i + 1)})
		}
		kept, err := audit.ReadHead(ctx, d)
		if err != nil || kept.Seq != 5 || len(kept.Hash) != 64 {
			t.Fatalf("head after 5 rows: %+v %v", kept, err)
		}
		if b, err := audit.Contains(ctx, d, kept); err != nil || b != nil {
			t.Fatalf("the untouched log does not contain its own head: %+v %v", b, err)
		}
		record(t, d, audit.System, audit.Entry{Action: "org.create", Entity: "org", EntityID: 6})
		if b, err := audit.Contains(ctx, d, kept); err != nil || b != nil {
			t.Fatalf("a longer log must still contain the kept head: %+v %v", b, err)
		}
		if b, _ := audit.Contains(ctx, d, audit.Head{}); b != nil {
			t.Fatalf("the empty chain's head is in every log: %+v", b)
		}

		// Cut rows 4–6 and point the head at row 3: the chain verifies.
		var hash3 string
		if err := d.QueryRow(`SELECT hash FROM audit_log WHERE id = 3`).Scan(&hash3); err != nil {
			t.Fatal(err)
		}
		mustExec(t, d, `DELETE FROM audit_log WHERE id > 3`)
		mustExec(t, d, `UPDATE audit_head SET seq = 3, hash = $1 WHERE id = 1`, hash3)
		if _, b, err := audit.Verify(ctx, d); err != nil || b != nil {
			t.Fatalf("the cut chain should verify on its own (that is the gap): %+v %v", b, err)
		}
		b, err := audit.Contains(ctx, d, kept)
		if err != nil || b == nil || b.ID != 5 || !strings.Contains(b.Reason, "cut") {
			t.Fatalf("cut chain: %+v %v", b, err)
		}

		// Rewrite everything: empty the log and record a new history.
		mustExec(t, d, `DELETE FROM audit_log`)
		mustExec(t, d, `UPDATE audit_head SET seq = 0, hash = '' WHERE id = 1`)
		for i := range 5 {
			record(t, d, audit.Actor{Name: "mallory"}, audit.Entry{Action: "org.create", Entity: "org", EntityID: int64(i + 1)})
		}
		if _, b, err := audit.Verify(ctx, d); err != nil || b != nil {
			t.Fatalf("the recomputed chain verifies on its own: %+v %v", b, err)
		}
		b, err = audit.Contains(ctx, d, kept)
		if err != nil || b == nil || b.ID != 5 || !strings.Contains(b.Reason, "rewritten") {
			t.Fatalf("rewritten chain: %+v %v", b, err)
		}
	})
}

func mustExec(t *testing.T, d *db.DB, query string, args ...any) {
	t.Helper()
	if _, err := d.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}
