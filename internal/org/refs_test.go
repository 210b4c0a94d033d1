package org_test

import (
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// residentOf is a demo resident registered under an organisation's subtree.
func residentOf(t *testing.T, env *testkit.Env, o org.Org) int64 {
	t.Helper()
	var id int64
	if err := env.DB.QueryRowContext(ctx, `SELECT r.id FROM residents r JOIN orgs o ON o.id = r.org_id
		WHERE o.path >= $1 AND o.path < $2 ORDER BY r.id LIMIT 1`, o.Path, db.PathEnd(o.Path)).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestInputIDsInScope: ids taken from a form are looked up with the same
// scope rule as the record itself, and one outside the actor's sight is
// refused exactly as one that does not exist.
func TestInputIDsInScope(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		haidan, haiga := env.Town.Villages["海丹"], env.Town.Villages["海戛"]
		leader := testkit.ActorOn("leader", auth.RoleVillageLeader, haidan)
		sec := postOf(t, env, haidan, "secretary")
		assign := func(a *auth.Actor, residentID int64) error {
			_, err := env.Svc.Org.Assign(ctx, a, org.Assignment{PostID: sec.ID, HolderName: "张三",
				ResidentID: residentID, StartedOn: day("2026-01-05")})
			return err
		}

		t.Run("post holder from another village", func(t *testing.T) {
			for _, id := range []int64{residentOf(t, env, haiga), 99999999} {
				want.Field(t, assign(leader, id), "resident_id", "org.resident_unknown")
			}
			if n := auditCount(t, env, "post.assign", "post", sec.ID); n != 1 {
				t.Fatalf("%d assignments audited; the refused ones wrote nothing", n)
			}
			if err := assign(leader, residentOf(t, env, haidan)); err != nil {
				t.Fatal(err)
			}
		})

		t.Run("parent outside sight", func(t *testing.T) {
			for _, parent := range []int64{haiga.ID, 99999999} {
				_, err := env.Svc.Org.Create(ctx, leader, org.NewOrg{ParentID: parent, Type: org.TypeBranch, Name: "新支部"})
				want.Field(t, err, "parent_id", "org.unknown")
			}
			// Within sight but not the leader's to manage: forbidden.
			_, err := env.Svc.Org.Create(ctx, leader, org.NewOrg{ParentID: haidan.ID, Type: org.TypeBranch, Name: "新支部"})
			want.Kind(t, err, apperr.KindForbidden)
		})
	})
}

// TestTextRefusesControls: names and plans refuse NUL and the bidi
// overrides that make a name display reversed.
func TestTextRefusesControls(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		haidan := env.Town.Villages["海丹"]
		sec := postOf(t, env, haidan, "secretary")
		for _, name := range []string{"张\x00三", "张\u202e三", "\u2066张三"} {
			_, err := env.Svc.Org.Assign(ctx, nil, org.Assignment{PostID: sec.ID, HolderName: name, StartedOn: day("2026-01-05")})
			want.Field(t, err, "holder_name", "error.text_chars")
			_, err = env.Svc.Org.Create(ctx, nil, org.NewOrg{ParentID: haidan.ID, Type: org.TypeBranch, Name: name})
			want.Field(t, err, "name", "error.text_chars")
		}
		_, err := env.Svc.Org.Flag(ctx, nil, org.NewWeakFlag{OrgID: haidan.ID, FlaggedOn: day("2026-11-01"),
			Reason: "第一行\n第二行", Plan: "计划\u202e", Deadline: day("2027-01-01")})
		want.Field(t, err, "plan", "error.text_chars")
		if _, ok := apperr.As(err).Fields["reason"]; ok {
			t.Fatal("a line break in a text area is allowed")
		}
	})
}
