package org_test

import (
	"context"
	"strconv"
	"testing"

	"dangjian/internal/auth"
	calendar "dangjian/internal/day"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

var ctx = context.Background()

func townAdmin(env *testkit.Env) *auth.Actor {
	return testkit.ActorOn("admin", auth.RoleTownAdmin, env.Town.Town)
}

func villageLeader(env *testkit.Env, village string) *auth.Actor {
	return testkit.ActorOn("leader", auth.RoleVillageLeader, env.Town.Villages[village])
}

// day is the calendar day s, "2006-01-02".
func day(s string) calendar.Day { return calendar.MustParse(s) }

// postOf finds an organisation's post by code.
func postOf(t *testing.T, env *testkit.Env, o org.Org, code string) org.Post {
	t.Helper()
	posts, err := env.Svc.Org.Posts(ctx, townAdmin(env), o.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range posts {
		if p.Code == code {
			return p
		}
	}
	t.Fatalf("%s has no post %s", o.Name, code)
	return org.Post{}
}

// auditCount counts audit rows of one action on one record.
func auditCount(t *testing.T, env *testkit.Env, action, entity string, id int64) int {
	t.Helper()
	var n int
	if err := env.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = $1 AND entity = $2 AND entity_id = $3`,
		action, entity, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// noDay is the zero day: a date left out.
var noDay calendar.Day
