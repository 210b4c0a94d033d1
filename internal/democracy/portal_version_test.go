package democracy_test

import (
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/democracy"
	"dangjian/internal/disclosure"
	"dangjian/internal/testkit"
)

// Two app servers on one database: a publication through server A shows
// on A at once, and on B, which read the version just before, once
// PortalVersionTTL has passed on its clock, not later; within the bound
// B answers from memory.
func TestPortalVersionAcrossServers(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		a := w.svc
		b := democracy.NewService(d, w.env.Clock)
		v0, err := b.PortalVersion(w.ctx, w.vid)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.PortalVersion(w.ctx, w.vid); err != nil {
			t.Fatal(err)
		}
		if _, err := a.RecordPublished(w.ctx, nil, disclosure.Draft{OrgID: w.vid, Category: disclosure.Service,
			Period: "2026-11", Title: "十一月代办事项", Body: "办结 12 件。"}, w.today()); err != nil {
			t.Fatal(err)
		}
		if v, _ := a.PortalVersion(w.ctx, w.vid); v <= v0 {
			t.Fatalf("the publishing server reads version %d after publishing over %d", v, v0)
		}
		if v, _ := b.PortalVersion(w.ctx, w.vid); v != v0 {
			t.Fatalf("within the bound the other server answered %d from the database, not %d from memory", v, v0)
		}
		w.env.Clock.T = w.env.Clock.T.Add(democracy.PortalVersionTTL)
		if v, _ := b.PortalVersion(w.ctx, w.vid); v <= v0 {
			t.Fatalf("after %s the other server still reads version %d", democracy.PortalVersionTTL, v)
		}
	})
}
