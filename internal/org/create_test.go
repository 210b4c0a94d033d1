package org_test

import (
	"strings"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

func TestCreateRules(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin := townAdmin(env)
		haidan := env.Town.Villages["海丹"]

		// A group branch hangs under a village, never straight under the town.
		_, err := env.Svc.Org.Create(ctx, admin, org.NewOrg{ParentID: env.Town.Town.ID, Type: org.TypeBranch, Name: "某组党支部"})
		zh, en := want.Messages(want.Rule(t, err, "org.parent_type"))
		if !strings.Contains(zh, "村民小组党支部不能设在镇党委之下") || !strings.Contains(en, "Group branch cannot be placed under a Town party committee") {
			t.Fatalf("parent type message: %q / %q", zh, en)
		}

		// An industry organisation needs its kind.
		_, err = env.Svc.Org.Create(ctx, admin, org.NewOrg{ParentID: haidan.ID, Type: org.TypeIndustry, Name: "海丹天麻合作社党支部"})
		want.Kind(t, err, apperr.KindInvalid)
		if apperr.As(err).Fields["industry_type"].Key != "org.industry_type_required" {
			t.Fatalf("want industry_type required, got %v", err)
		}

		// A village leader cannot create anything under another village
		// (outside their sight it is a parent that does not exist) nor
		// under their own (no org.manage: forbidden).
		_, err = env.Svc.Org.Create(ctx, villageLeader(env, "海戛"), org.NewOrg{ParentID: haidan.ID, Type: org.TypeBranch, Name: "海丹十组党支部"})
		want.Field(t, err, "parent_id", "org.unknown")
		_, err = env.Svc.Org.Create(ctx, villageLeader(env, "海丹"), org.NewOrg{ParentID: haidan.ID, Type: org.TypeBranch, Name: "海丹十组党支部"})
		want.Kind(t, err, apperr.KindForbidden)

		// The town admin creates it, with the branch's standard posts.
		o, err := env.Svc.Org.Create(ctx, admin, org.NewOrg{ParentID: haidan.ID, Type: org.TypeBranch, Name: "海丹十组党支部", ShortName: "海丹十组"})
		if err != nil {
			t.Fatal(err)
		}
		if o.Path != haidan.Path+itoa(o.ID)+"/" || o.TownID != env.Town.Town.ID {
			t.Fatalf("path %q town %d", o.Path, o.TownID)
		}
		posts, err := env.Svc.Org.Posts(ctx, admin, o.ID)
		if err != nil || len(posts) != len(org.BranchPosts) || posts[0].Holder != nil {
			t.Fatalf("posts of a new branch: %v %v", posts, err)
		}
		if auditCount(t, env, "org.create", "org", o.ID) != 1 {
			t.Fatal("org.create not audited")
		}
	})
}

func TestUpdateOrg(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		v := env.Town.Villages["岩头"]
		in := org.OrgEdit{ID: v.ID, Name: "岩头社区党总支", ShortName: "岩头社区", SortOrder: 3}
		_, err := env.Svc.Org.Update(ctx, villageLeader(env, "岩头"), in)
		want.Kind(t, err, apperr.KindForbidden)
		_, err = env.Svc.Org.Update(ctx, townAdmin(env), org.OrgEdit{ID: v.ID, Name: " ", SortOrder: -1})
		e := apperr.As(err)
		if e == nil || e.Fields["name"].Key != "error.required" || e.Fields["sort_order"].Key != "org.sort_order_range" {
			t.Fatalf("want name and sort_order problems, got %v", err)
		}
		got, err := env.Svc.Org.Update(ctx, townAdmin(env), in)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != in.Name || got.Label() != "岩头社区" || got.SortOrder != 3 || got.Path != v.Path {
			t.Fatalf("updated: %+v", got)
		}
		if auditCount(t, env, "org.update", "org", v.ID) != 1 {
			t.Fatal("org.update not audited")
		}
	})
}
