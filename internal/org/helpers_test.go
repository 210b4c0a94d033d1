package org_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/i18n"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

var ctx = context.Background()

// actor holds one role on one organisation, as a logged-in user would.
func actor(name string, role auth.Role, o org.Org) *auth.Actor {
	return &auth.Actor{UserID: 1000, Username: name, Bindings: []auth.Binding{
		{Role: role, OrgID: o.ID, OrgPath: o.Path, TownID: o.TownID}}}
}

func townAdmin(env *testkit.Env) *auth.Actor {
	return actor("admin", auth.RoleTownAdmin, env.Town.Town)
}

func villageLeader(env *testkit.Env, village string) *auth.Actor {
	return actor("leader", auth.RoleVillageLeader, env.Town.Villages[village])
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// wantRule fails unless err is the named rule's violation, and returns
// its Chinese and English messages for the caller to check the numbers.
func wantRule(t *testing.T, err error, rule string) (zh, en string) {
	t.Helper()
	e := apperr.As(err)
	if e == nil || e.Kind != apperr.KindRuleViolation || e.Rule != rule {
		t.Fatalf("want rule %s, got %v", rule, err)
	}
	return i18n.T(i18n.ZH, e.Key, e.Params), i18n.T(i18n.EN, e.Key, e.Params)
}

func wantKind(t *testing.T, err error, k apperr.Kind) {
	t.Helper()
	if apperr.KindOf(err) != k || err == nil {
		t.Fatalf("want kind %d, got %v", k, err)
	}
}

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
