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

func TestAssignAndHistory(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		sec := postOf(t, env, env.Town.Villages["海丹"], "secretary")
		old := sec.Holder
		leader := villageLeader(env, "海丹")

		// Someone from another village cannot touch the post at all.
		_, err := env.Svc.Org.Assign(ctx, villageLeader(env, "海戛"), org.Assignment{PostID: sec.ID, HolderName: "张三", StartedOn: day("2026-01-05")})
		want.Kind(t, err, apperr.KindNotFound)

		// A new term cannot start before the current one.
		_, err = env.Svc.Org.Assign(ctx, leader, org.Assignment{PostID: sec.ID, HolderName: "张三", StartedOn: day("2020-12-31")})
		zh, en := want.Messages(want.Rule(t, err, "post.term_order"))
		if !strings.Contains(zh, old.HolderName) || !strings.Contains(zh, "2021-03-01") || !strings.Contains(en, "began on 2021-03-01") {
			t.Fatalf("term order message: %q / %q", zh, en)
		}
		// Nor after today (2026-11-26 on the test clock).
		_, err = env.Svc.Org.Assign(ctx, leader, org.Assignment{PostID: sec.ID, HolderName: "张三", StartedOn: day("2026-11-27")})
		zh, _ = want.Messages(want.Rule(t, err, "post.not_future"))
		if !strings.Contains(zh, "2026-11-27") || !strings.Contains(zh, "2026-11-26") {
			t.Fatalf("not future message: %q", zh)
		}
		_, err = env.Svc.Org.Assign(ctx, leader, org.Assignment{PostID: sec.ID, HolderName: " ", StartedOn: day("2026-01-05")})
		if apperr.As(err) == nil || apperr.As(err).Fields["holder_name"].Key != "error.required" {
			t.Fatalf("want holder_name required, got %v", err)
		}

		if _, err := env.Svc.Org.Assign(ctx, leader, org.Assignment{PostID: sec.ID, HolderName: "张三", StartedOn: day("2026-01-05"), Note: "换届"}); err != nil {
			t.Fatal(err)
		}
		p, history, err := env.Svc.Org.History(ctx, leader, sec.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Holder == nil || p.Holder.HolderName != "张三" || len(history) != 2 {
			t.Fatalf("after assign: holder %+v, %d terms", p.Holder, len(history))
		}
		// Newest first; the previous term ended the day the new one began.
		if history[0].HolderName != "张三" || history[1].HolderName != old.HolderName ||
			history[1].EndedOn.IsZero() || history[1].EndedOn != day("2026-01-05") {
			t.Fatalf("history: %+v", history)
		}
		// The history of another village's post is out of reach.
		if _, _, err := env.Svc.Org.History(ctx, villageLeader(env, "海戛"), sec.ID); apperr.KindOf(err) != apperr.KindNotFound {
			t.Fatalf("want not found, got %v", err)
		}
		if auditCount(t, env, "post.assign", "post", sec.ID) != 2 { // the demo's and ours
			t.Fatal("post.assign not audited")
		}
	})
}

func TestVacate(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		post := postOf(t, env, env.Town.Villages["海丹"], "vet")
		leader := villageLeader(env, "海丹")

		want.Kind(t, env.Svc.Org.Vacate(ctx, villageLeader(env, "海戛"), post.ID, day("2026-10-01")), apperr.KindNotFound)
		want.Kind(t, env.Svc.Org.Vacate(ctx, testkit.ActorOn("member", "branch_secretary", env.Town.Groups["海丹一组"]), post.ID, day("2026-10-01")), apperr.KindNotFound)
		zh, _ := want.Messages(want.Rule(t, env.Svc.Org.Vacate(ctx, leader, post.ID, day("2021-02-01")), "post.term_order"))
		if !strings.Contains(zh, "2021-03-01") {
			t.Fatalf("term order message: %q", zh)
		}
		want.Rule(t, env.Svc.Org.Vacate(ctx, leader, post.ID, day("2026-12-01")), "post.not_future")
		want.Kind(t, env.Svc.Org.Vacate(ctx, leader, post.ID, noDay), apperr.KindInvalid)

		if err := env.Svc.Org.Vacate(ctx, leader, post.ID, day("2026-10-01")); err != nil {
			t.Fatal(err)
		}
		p, history, err := env.Svc.Org.History(ctx, leader, post.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Holder != nil || len(history) != 1 || history[0].EndedOn.IsZero() || history[0].EndedOn != day("2026-10-01") {
			t.Fatalf("after vacate: %+v %+v", p.Holder, history)
		}
		want.Rule(t, env.Svc.Org.Vacate(ctx, leader, post.ID, day("2026-10-02")), "post.already_vacant")
		if auditCount(t, env, "post.vacate", "post", post.ID) != 1 {
			t.Fatal("post.vacate not audited")
		}
		// A vacated post is filled again from the day it fell vacant, not before.
		_, err = env.Svc.Org.Assign(ctx, leader, org.Assignment{PostID: post.ID, HolderName: "李四", StartedOn: day("2026-09-30")})
		zh, en := want.Messages(want.Rule(t, err, "post.after_last_term"))
		if !strings.Contains(zh, "最早 2026-10-01") || !strings.Contains(en, "earliest is 2026-10-01") {
			t.Fatalf("after last term message: %q / %q", zh, en)
		}
		if _, err := env.Svc.Org.Assign(ctx, leader, org.Assignment{PostID: post.ID, HolderName: "李四", StartedOn: day("2026-10-01")}); err != nil {
			t.Fatal(err)
		}
	})
}
