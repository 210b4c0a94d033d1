package org_test

import (
	"strings"
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

func TestWeakFlagRules(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d) // today is 2026-11-26
		admin := townAdmin(env)
		haidan := env.Town.Villages["海丹"]
		flag := func(in org.NewWeakFlag) (org.WeakFlag, error) {
			in.OrgID = haidan.ID
			if in.Reason == "" {
				in.Reason = "班子软弱"
			}
			if in.Plan == "" {
				in.Plan = "调整书记"
			}
			return env.Svc.Org.Flag(ctx, admin, in)
		}

		// weak.deadline_after_flag: the deadline must fall after the flag date.
		_, err := flag(org.NewWeakFlag{FlaggedOn: day("2026-06-01"), Deadline: day("2026-06-01")})
		zh, en := want.Messages(want.Rule(t, err, org.RuleWeakDeadlineAfterFlag))
		if !strings.Contains(zh, "须晚于认定日期 2026-06-01，最早 2026-06-02") || !strings.Contains(en, "the earliest is 2026-06-02") {
			t.Fatalf("deadline message: %q / %q", zh, en)
		}
		// weak.not_future: a flag is recorded once made.
		_, err = flag(org.NewWeakFlag{FlaggedOn: day("2026-11-27"), Deadline: day("2027-06-01")})
		zh, _ = want.Messages(want.Rule(t, err, org.RuleWeakNotFuture))
		if !strings.Contains(zh, "2026-11-27") || !strings.Contains(zh, "今天 2026-11-26") {
			t.Fatalf("not future message: %q", zh)
		}
		// Missing fields are reported beside each field.
		_, err = env.Svc.Org.Flag(ctx, admin, org.NewWeakFlag{OrgID: haidan.ID})
		e := apperr.As(err)
		if e == nil || len(e.Fields) != 4 {
			t.Fatalf("want 4 field problems, got %v", err)
		}
		// Only the town (org.manage) flags: the village's own leader cannot.
		_, err = env.Svc.Org.Flag(ctx, villageLeader(env, "海丹"), org.NewWeakFlag{OrgID: haidan.ID, FlaggedOn: day("2026-06-01"),
			Reason: "x", Plan: "y", Deadline: day("2026-12-01")})
		want.Kind(t, err, apperr.KindForbidden)
		// weak.org_type: a town is not flagged.
		_, err = env.Svc.Org.Flag(ctx, admin, org.NewWeakFlag{OrgID: env.Town.Town.ID, FlaggedOn: day("2026-06-01"),
			Reason: "x", Plan: "y", Deadline: day("2026-12-01")})
		want.Rule(t, err, org.RuleWeakOrgType)

		f, err := flag(org.NewWeakFlag{FlaggedOn: day("2026-06-01"), Deadline: day("2026-12-01")})
		if err != nil {
			t.Fatal(err)
		}
		if !f.Open() || f.Overdue || f.SecretaryPostID != postOf(t, env, haidan, "secretary").ID {
			t.Fatalf("new flag: %+v", f)
		}
		// weak.one_open: one open flag per organisation.
		_, err = flag(org.NewWeakFlag{FlaggedOn: day("2026-07-01"), Deadline: day("2026-12-31")})
		zh, _ = want.Messages(want.Rule(t, err, org.RuleWeakOneOpen))
		if !strings.Contains(zh, "2026-06-01") || !strings.Contains(zh, "2026-12-01") {
			t.Fatalf("one open message: %q", zh)
		}

		// The plan is revised; the deadline still must follow the flag date.
		_, err = env.Svc.Org.UpdateWeakPlan(ctx, admin, org.WeakPlan{FlagID: f.ID, Plan: "新方案", Deadline: day("2026-05-31")})
		want.Rule(t, err, org.RuleWeakDeadlineAfterFlag)
		_, err = env.Svc.Org.UpdateWeakPlan(ctx, villageLeader(env, "海丹"), org.WeakPlan{FlagID: f.ID, Plan: "新方案", Deadline: day("2027-01-31")})
		want.Kind(t, err, apperr.KindForbidden)
		_, err = env.Svc.Org.UpdateWeakPlan(ctx, villageLeader(env, "海戛"), org.WeakPlan{FlagID: f.ID, Plan: "新方案", Deadline: day("2027-01-31")})
		want.Kind(t, err, apperr.KindNotFound)
		f, err = env.Svc.Org.UpdateWeakPlan(ctx, admin, org.WeakPlan{FlagID: f.ID, Plan: "调整书记；每月支委会", Deadline: day("2027-01-31")})
		if err != nil || f.Plan != "调整书记；每月支委会" || f.Deadline != day("2027-01-31") {
			t.Fatalf("plan update: %+v %v", f, err)
		}

		// weak.close_after_flag and weak.not_future guard the closing date.
		_, err = env.Svc.Org.CloseWeak(ctx, admin, org.WeakClosing{FlagID: f.ID, ClosedOn: day("2026-05-31"), Note: "done"})
		zh, en = want.Messages(want.Rule(t, err, org.RuleWeakCloseAfterFlag))
		if !strings.Contains(zh, "2026-05-31") || !strings.Contains(zh, "2026-06-01") || !strings.Contains(en, "earliest is 2026-06-01") {
			t.Fatalf("close message: %q / %q", zh, en)
		}
		_, err = env.Svc.Org.CloseWeak(ctx, admin, org.WeakClosing{FlagID: f.ID, ClosedOn: day("2026-11-30"), Note: "done"})
		want.Rule(t, err, org.RuleWeakNotFuture)
		_, err = env.Svc.Org.CloseWeak(ctx, admin, org.WeakClosing{FlagID: f.ID, ClosedOn: day("2026-11-20")})
		if apperr.As(err) == nil || apperr.As(err).Fields["closing_note"].Key != "error.required" {
			t.Fatalf("want closing note required, got %v", err)
		}
		f, err = env.Svc.Org.CloseWeak(ctx, admin, org.WeakClosing{FlagID: f.ID, ClosedOn: day("2026-11-20"), Note: "新书记到任，组织生活正常"})
		if err != nil || f.Open() || f.ClosedOn != day("2026-11-20") {
			t.Fatalf("close: %+v %v", f, err)
		}
		// weak.closed: a closed flag is history.
		_, err = env.Svc.Org.UpdateWeakPlan(ctx, admin, org.WeakPlan{FlagID: f.ID, Plan: "x", Deadline: day("2027-01-31")})
		want.Rule(t, err, org.RuleWeakClosed)
		// With it closed, the organisation may be flagged again.
		if _, err := flag(org.NewWeakFlag{FlaggedOn: day("2026-11-26"), Deadline: day("2027-05-26")}); err != nil {
			t.Fatal(err)
		}
		flags, err := env.Svc.Org.WeakFlagsOf(ctx, villageLeader(env, "海丹"), haidan.ID)
		if err != nil || len(flags) != 2 || !flags[0].Open() || flags[1].Open() {
			t.Fatalf("flags of 海丹: %+v %v", flags, err)
		}
		for action, n := range map[string]int{"weak.flag": 1, "weak.plan": 1, "weak.close": 1} {
			if got := auditCount(t, env, action, "weak_flag", f.ID); got != n {
				t.Fatalf("%s audited %d times", action, got)
			}
		}
	})
}

func TestWeakOverdueAndList(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin := townAdmin(env)
		// The demo has 得戛三组 (deadline 2026-09-26, overdue) and 坡头
		// (deadline 2027-03-26) open. Add two more in 海丹.
		add := func(o org.Org, flagged, deadline string) org.WeakFlag {
			f, err := env.Svc.Org.Flag(ctx, admin, org.NewWeakFlag{OrgID: o.ID, FlaggedOn: day(flagged),
				Reason: "问题", Plan: "方案", Deadline: day(deadline)})
			if err != nil {
				t.Fatal(err)
			}
			return f
		}
		a := add(env.Town.Groups["海丹一组"], "2026-01-10", "2026-11-25") // overdue by one day
		b := add(env.Town.Groups["海丹二组"], "2026-01-10", "2026-11-26") // due today: not overdue
		if !a.Overdue || a.DaysOverdue != 1 || b.Overdue || b.DaysOverdue != 0 {
			t.Fatalf("overdue: a %v/%d b %v/%d", a.Overdue, a.DaysOverdue, b.Overdue, b.DaysOverdue)
		}

		list, err := env.Svc.Org.ListWeak(ctx, admin, org.WeakFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range list {
			names = append(names, f.OrgName)
		}
		want := "得戛三组党支部 海丹一组党支部 海丹二组党支部 坡头村党总支"
		if strings.Join(names, " ") != want {
			t.Fatalf("open list order: %v", names)
		}
		if !list[0].Overdue || list[0].DaysOverdue != 61 || !list[1].Overdue || list[2].Overdue || list[3].Overdue {
			t.Fatalf("overdue flags: %+v", list)
		}

		// Keyset pages give the same order.
		page1, err := env.Svc.Org.ListWeak(ctx, admin, org.WeakFilter{Limit: 2})
		if err != nil || len(page1) != 2 {
			t.Fatal(page1, err)
		}
		page2, err := env.Svc.Org.ListWeak(ctx, admin, org.WeakFilter{Limit: 2, AfterID: page1[1].ID})
		if err != nil || len(page2) != 2 || page2[0].ID != list[2].ID || page2[1].ID != list[3].ID {
			t.Fatalf("page 2: %+v %v", page2, err)
		}

		// A day later the one due today is overdue too.
		env.Clock.T = env.Clock.T.Add(24 * time.Hour)
		f, err := env.Svc.Org.WeakFlag(ctx, admin, b.ID)
		if err != nil || !f.Overdue || f.DaysOverdue != 1 {
			t.Fatalf("next day: %+v %v", f, err)
		}

		// Scope: the 海丹 leader sees only 海丹's flags.
		mine, err := env.Svc.Org.ListWeak(ctx, villageLeader(env, "海丹"), org.WeakFilter{})
		if err != nil || len(mine) != 2 {
			t.Fatalf("海丹 sees %d flags: %v", len(mine), err)
		}
		if _, err := env.Svc.Org.WeakFlag(ctx, villageLeader(env, "海丹"), list[0].ID); apperr.KindOf(err) != apperr.KindNotFound {
			t.Fatalf("another village's flag: %v", err)
		}

		// Closed flags: the demo's 块泽, latest closing first.
		closed, err := env.Svc.Org.ListWeak(ctx, admin, org.WeakFilter{Status: org.WeakClosed})
		if err != nil || len(closed) != 1 || closed[0].OrgName != "块泽村党总支" || closed[0].Overdue {
			t.Fatalf("closed: %+v %v", closed, err)
		}
	})
}
