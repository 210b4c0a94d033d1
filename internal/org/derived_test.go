package org_test

import (
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

func TestCommittees(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin := townAdmin(env)

		all, err := env.Svc.Org.Committees(ctx, admin, org.VillageFilter{})
		if err != nil || len(all) != 16 {
			t.Fatalf("want 16 village committees, got %d: %v", len(all), err)
		}
		byName := map[string]org.Committee{}
		for _, c := range all {
			byName[c.Org.Label()] = c
		}
		// 民家 and 大坪: the secretary is also the director (一肩挑).
		for _, v := range []string{"民家", "大坪"} {
			c := byName[v]
			if len(c.Dual) != 1 || !c.Dual[0].OneShoulder() || len(c.Members) != 5 {
				t.Fatalf("%s: dual %+v, %d members", v, c.Dual, len(c.Members))
			}
		}
		haidan := byName["海丹"]
		if len(haidan.Party) != 3 || len(haidan.Village) != 3 || len(haidan.Dual) != 0 || len(haidan.Vacant) != 0 || len(haidan.Members) != 6 {
			t.Fatalf("海丹: %+v", haidan)
		}
		// 大坪's vacant youth secretary is staff, not 两委: no 两委 vacancy.
		if len(byName["大坪"].Vacant) != 0 {
			t.Fatalf("大坪 vacancies: %+v", byName["大坪"].Vacant)
		}

		// Derived, not stored: make 海丹's secretary director as well and
		// vacate its deputy director.
		v := env.Town.Villages["海丹"]
		sec := postOf(t, env, v, "secretary")
		leader := villageLeader(env, "海丹")
		if _, err := env.Svc.Org.Assign(ctx, leader, org.Assignment{PostID: postOf(t, env, v, "director").ID,
			HolderName: sec.Holder.HolderName, StartedOn: day("2026-11-01")}); err != nil {
			t.Fatal(err)
		}
		if err := env.Svc.Org.Vacate(ctx, leader, postOf(t, env, v, "deputy_director").ID, day("2026-11-01")); err != nil {
			t.Fatal(err)
		}
		c, err := env.Svc.Org.Committee(ctx, leader, v.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Dual) != 1 || c.Dual[0].HolderName != sec.Holder.HolderName || !c.Dual[0].OneShoulder() {
			t.Fatalf("dual after assign: %+v", c.Dual)
		}
		if len(c.Vacant) != 1 || c.Vacant[0].Code != "deputy_director" {
			t.Fatalf("vacant after vacate: %+v", c.Vacant)
		}

		// Scope: a village leader sees their own village only; another
		// village's committee is not found; a branch has no 两委.
		mine, err := env.Svc.Org.Committees(ctx, leader, org.VillageFilter{})
		if err != nil || len(mine) != 1 || mine[0].Org.ID != v.ID {
			t.Fatalf("leader's committees: %v %v", mine, err)
		}
		_, err = env.Svc.Org.Committee(ctx, leader, env.Town.Villages["海戛"].ID)
		want.Kind(t, err, apperr.KindNotFound)
		_, err = env.Svc.Org.Committee(ctx, admin, env.Town.Groups["海丹一组"].ID)
		want.Rule(t, err, "org.village_only")

		// Keyset pages cover the 16 without overlap.
		p1, _ := env.Svc.Org.Committees(ctx, admin, org.VillageFilter{Limit: 10})
		p2, _ := env.Svc.Org.Committees(ctx, admin, org.VillageFilter{Limit: 10, AfterID: p1[len(p1)-1].Org.ID})
		if len(p1) != 10 || len(p2) != 6 || p2[0].Org.ID <= p1[9].Org.ID {
			t.Fatalf("pages: %d + %d", len(p1), len(p2))
		}
	})
}

// seat is who fills a centre seat, or "" when vacant, and through which post.
func seat(s org.CentreSeat) (string, string) {
	if s.Holder == nil {
		return "", s.PostCode
	}
	return s.Holder.HolderName, s.PostCode
}

func TestCentresFollowPostHolders(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		v := env.Town.Villages["海丹"]
		leader := villageLeader(env, "海丹")
		holder := func(code string) string { return postOf(t, env, v, code).Holder.HolderName }

		centres, err := env.Svc.Org.Centres(ctx, leader, v.ID)
		if err != nil || len(centres) != 5 {
			t.Fatalf("centres: %v %v", centres, err)
		}
		wantSeats := map[string][]string{ // director, then deputies, by post
			"education":  {"secretary", "deputy_secretary"},
			"technology": {"director", "agri_tech", "forest_ranger", "vet"},
			"mediation":  {"director", "stability_deputy", "mediator", "militia_deputy"},
			"culture":    {"deputy_secretary", "youth_secretary", "women_director"},
			"service":    {"deputy_director", "land_officer", "family_planning"},
		}
		for _, c := range centres {
			codes := wantSeats[c.Code]
			if len(c.Deputies) != len(codes)-1 {
				t.Fatalf("%s: %d deputies", c.Code, len(c.Deputies))
			}
			for i, s := range append([]org.CentreSeat{c.Director}, c.Deputies...) {
				name, via := seat(s)
				if via != codes[i] || name != holder(codes[i]) {
					t.Fatalf("%s seat %d: %s via %s, want %s via %s", c.Code, i, name, via, holder(codes[i]), codes[i])
				}
			}
		}

		// A new secretary heads the education centre at once.
		sec := postOf(t, env, v, "secretary")
		if _, err := env.Svc.Org.Assign(ctx, leader, org.Assignment{PostID: sec.ID, HolderName: "王新书记", StartedOn: day("2026-11-20")}); err != nil {
			t.Fatal(err)
		}
		// With the deputy secretary gone, the deputy director leads the
		// culture centre and the director deputises in education.
		if err := env.Svc.Org.Vacate(ctx, leader, postOf(t, env, v, "deputy_secretary").ID, day("2026-11-20")); err != nil {
			t.Fatal(err)
		}
		// And a vacant vet leaves that technology seat empty.
		if err := env.Svc.Org.Vacate(ctx, leader, postOf(t, env, v, "vet").ID, day("2026-11-20")); err != nil {
			t.Fatal(err)
		}
		centres, err = env.Svc.Org.Centres(ctx, leader, v.ID)
		if err != nil {
			t.Fatal(err)
		}
		by := map[string]org.Centre{}
		for _, c := range centres {
			by[c.Code] = c
		}
		if name, _ := seat(by["education"].Director); name != "王新书记" {
			t.Fatalf("education director: %q", name)
		}
		if name, via := seat(by["education"].Deputies[0]); via != "director" || name != holder("director") {
			t.Fatalf("education deputy: %s via %s", name, via)
		}
		if name, via := seat(by["culture"].Director); via != "deputy_director" || name != holder("deputy_director") {
			t.Fatalf("culture director: %s via %s", name, via)
		}
		if name, via := seat(by["technology"].Deputies[2]); name != "" || via != "vet" || !by["technology"].Deputies[2].Vacant() {
			t.Fatalf("technology vet seat: %q via %s", name, via)
		}

		_, err = env.Svc.Org.Centres(ctx, villageLeader(env, "海戛"), v.ID)
		want.Kind(t, err, apperr.KindNotFound)
		_, err = env.Svc.Org.Centres(ctx, townAdmin(env), env.Town.Town.ID)
		want.Rule(t, err, "org.village_only")
	})
}

func TestTownOverview(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin := townAdmin(env)
		rows, err := env.Svc.Org.TownOverview(ctx, admin, env.Town.Town.ID)
		if err != nil || len(rows) != 16 {
			t.Fatalf("overview: %d rows, %v", len(rows), err)
		}
		stats := func(rows []org.VillageStats, v string) org.VillageStats {
			for _, r := range rows {
				if r.Org.Label() == v {
					return r
				}
			}
			t.Fatalf("no row for %s", v)
			return org.VillageStats{}
		}
		// Demo: 得戛三组 flagged and overdue, 坡头 flagged, 海戛 and 大坪 one vacancy each.
		check := func(rows []org.VillageStats, v string, groups, vacant, open, overdue int) {
			t.Helper()
			s := stats(rows, v)
			if s.GroupBranches != groups || s.VacantPosts != vacant || s.OpenWeak != open || s.OverdueWeak != overdue {
				t.Fatalf("%s: %+v", v, s)
			}
		}
		check(rows, "得戛", 9, 0, 1, 1)
		check(rows, "坡头", 9, 0, 1, 0)
		check(rows, "海戛", 9, 1, 0, 0)
		check(rows, "黄泥堡", 8, 0, 0, 0)
		tot := org.Totals(rows)
		if tot.GroupBranches != 143 || tot.VacantPosts != 2 || tot.OpenWeak != 2 || tot.OverdueWeak != 1 {
			t.Fatalf("totals: %+v", tot)
		}

		// A new vacancy in a group branch and a flag count for its village.
		g := env.Town.Groups["海丹三组"]
		if err := env.Svc.Org.Vacate(ctx, admin, postOf(t, env, g, "branch_committee").ID, day("2026-11-01")); err != nil {
			t.Fatal(err)
		}
		if _, err := env.Svc.Org.Flag(ctx, admin, org.NewWeakFlag{OrgID: g.ID, FlaggedOn: day("2026-01-01"),
			Reason: "r", Plan: "p", Deadline: day("2026-06-30")}); err != nil {
			t.Fatal(err)
		}
		rows, err = env.Svc.Org.TownOverview(ctx, admin, env.Town.Town.ID)
		if err != nil {
			t.Fatal(err)
		}
		check(rows, "海丹", 9, 1, 1, 1)
		// 海戛 (id next to 海丹's subtree) is untouched: subtree bounds hold.
		check(rows, "海戛", 9, 1, 0, 0)

		_, err = env.Svc.Org.TownOverview(ctx, admin, env.Town.Villages["海丹"].ID)
		want.Rule(t, err, "org.town_only")
		_, err = env.Svc.Org.TownOverview(ctx, villageLeader(env, "海丹"), env.Town.Town.ID)
		want.Kind(t, err, apperr.KindNotFound)
	})
}

func TestSecretaries(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin := townAdmin(env)
		all, err := env.Svc.Org.Secretaries(ctx, admin, org.SecretaryFilter{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		// 16 villages, 143 groups, 5 industry organisations, 2 activity homes.
		if len(all) != 16+143+5+2 {
			t.Fatalf("%d secretaries", len(all))
		}
		villages, _ := env.Svc.Org.Secretaries(ctx, admin, org.SecretaryFilter{Type: org.TypeGeneralBranch})
		if len(villages) != 16 || villages[0].Code != "secretary" || villages[0].Holder == nil || villages[0].Holder.StartedOn != day("2021-03-01") {
			t.Fatalf("village secretaries: %d %+v", len(villages), villages[0])
		}
		weak, _ := env.Svc.Org.Secretaries(ctx, admin, org.SecretaryFilter{WeakOnly: true})
		if len(weak) != 2 || weak[1].Weak == nil || weak[0].Org.Label() != "得戛三组" || weak[1].Org.Label() != "坡头" ||
			!weak[0].Weak.Overdue || weak[1].Weak.Overdue || weak[0].Weak.SecretaryPostID != weak[0].PostID {
			t.Fatalf("weak secretaries: %+v", weak)
		}
		// 坡头's secretary was changed in the rectification.
		if weak[1].Holder.HolderName != "罗志强" || weak[1].Holder.StartedOn != day("2026-07-26") {
			t.Fatalf("坡头 secretary: %+v", weak[1].Holder)
		}
		// The activity homes have no secretary yet (配齐党组织书记).
		vacant, _ := env.Svc.Org.Secretaries(ctx, admin, org.SecretaryFilter{Vacant: true})
		if len(vacant) != 2 || vacant[0].Org.Type != org.TypeActivityHome {
			t.Fatalf("vacant: %+v", vacant)
		}
		// A branch secretary's scope is their own branch.
		mine, _ := env.Svc.Org.Secretaries(ctx, testkit.ActorOn("minjia1", "branch_secretary", env.Town.Groups["民家一组"]), org.SecretaryFilter{})
		if len(mine) != 1 || mine[0].Org.ID != env.Town.Groups["民家一组"].ID {
			t.Fatalf("branch secretary sees %d", len(mine))
		}
	})
}
