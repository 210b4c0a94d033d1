package auth_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

var ctx = context.Background()

// world is a small tree — one county with two towns, a village in each —
// and an accounts service on a settable clock.
type world struct {
	t                    *testing.T
	d                    *db.DB
	clock                *db.FixedClock
	svc                  *auth.Service
	county, townA, townB org.Org
	villageA, villageB   org.Org
}

func newWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	w := &world{t: t, d: d, clock: testkit.Clock()}
	w.svc = auth.NewService(d, w.clock)
	w.svc.Password = auth.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	os := &org.Service{DB: d, Clock: w.clock}
	mk := func(parent int64, typ org.Type, name string) org.Org {
		o, err := os.Create(ctx, nil, org.NewOrg{ParentID: parent, Type: typ, Name: name})
		if err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		return o
	}
	w.county = mk(0, org.TypeCounty, "富源县委")
	w.townA = mk(w.county.ID, org.TypeTown, "大河镇党委")
	w.townB = mk(w.county.ID, org.TypeTown, "营上镇党委")
	w.villageA = mk(w.townA.ID, org.TypeGeneralBranch, "海丹村党总支")
	w.villageB = mk(w.townB.ID, org.TypeGeneralBranch, "营上村党总支")
	return w
}

// user adds an account from the command line (nil actor).
func (w *world) user(name string, role auth.Role, o org.Org) int64 {
	w.t.Helper()
	id, err := w.svc.AddUser(ctx, nil, auth.NewUser{Username: name, DisplayName: name, Password: name + "-password",
		Role: role, OrgID: o.ID})
	if err != nil {
		w.t.Fatalf("add %s: %v", name, err)
	}
	return id
}

func (w *world) login(name, addr string) string {
	w.t.Helper()
	tok, err := w.svc.Login(ctx, name, name+"-password", addr)
	if err != nil {
		w.t.Fatalf("login %s: %v", name, err)
	}
	return tok
}

func (w *world) actor(token string) *auth.Actor {
	w.t.Helper()
	a, err := w.svc.SessionActor(ctx, token)
	if err != nil {
		w.t.Fatalf("session: %v", err)
	}
	return a
}

func (w *world) count(query string, args ...any) int {
	w.t.Helper()
	var n int
	if err := w.d.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		w.t.Fatalf("%s: %v", query, err)
	}
	return n
}

// wantErr checks an error's kind and, when given, its message key.
func wantErr(t *testing.T, what string, err error, kind apperr.Kind, key string) {
	t.Helper()
	e := apperr.As(err)
	if e == nil || e.Kind != kind || (key != "" && e.Key != key) {
		t.Fatalf("%s: want kind %d key %q, got %v", what, kind, key, err)
	}
}

func TestLogin(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		id := w.user("haidan", auth.RoleVillageLeader, w.villageA)

		tok := w.login("haidan", "10.0.0.1")
		a := w.actor(tok)
		if a.UserID != id || a.Username != "haidan" || a.CSRF == "" {
			t.Fatalf("actor %+v", a)
		}
		if len(a.Bindings) != 1 || a.Bindings[0].Role != auth.RoleVillageLeader || a.Bindings[0].OrgPath != w.villageA.Path ||
			a.Bindings[0].TownID != w.townA.ID {
			t.Fatalf("bindings %+v", a.Bindings)
		}
		// Only the token's hash is stored.
		if n := w.count(`SELECT COUNT(*) FROM sessions WHERE token_hash = $1`, tok); n != 0 {
			t.Fatal("the session token is stored in clear")
		}
		if n := w.count(`SELECT COUNT(*) FROM users WHERE username = 'haidan' AND password_hash LIKE '$argon2id$%'`); n != 1 {
			t.Fatal("the password is not stored as an argon2id hash")
		}

		_, err := w.svc.Login(ctx, "haidan", "wrong-password", "10.0.0.1")
		wantErr(t, "wrong password", err, apperr.KindUnauthenticated, "auth.bad_credentials")
		_, err = w.svc.Login(ctx, "nobody", "haidan-password", "10.0.0.1")
		wantErr(t, "unknown user", err, apperr.KindUnauthenticated, "auth.bad_credentials")
		_, err = w.svc.SessionActor(ctx, "not-a-token")
		wantErr(t, "made-up session", err, apperr.KindUnauthenticated, "auth.session_expired")
	})
}

func TestLoginThrottlePerAccount(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.user("haidan", auth.RoleVillageLeader, w.villageA)

		// A success clears the account's failures: 4 + success + 4 never locks.
		for round := 0; round < 2; round++ {
			for i := 0; i < 4; i++ {
				_, err := w.svc.Login(ctx, "haidan", "guess", "10.0.0.1")
				wantErr(t, "guess", err, apperr.KindUnauthenticated, "auth.bad_credentials")
			}
			w.login("haidan", "10.0.0.1")
		}

		// The fifth failure within 15 minutes locks the account, from any
		// address and even with the right password.
		for i := 0; i < 5; i++ {
			w.svc.Login(ctx, "haidan", "guess", "10.0.0."+string(rune('1'+i)))
		}
		_, err := w.svc.Login(ctx, "haidan", "haidan-password", "10.9.9.9")
		wantErr(t, "locked account", err, apperr.KindTooMany, "auth.throttled")
		if e := apperr.As(err); e.Params["minutes"] != 15 {
			t.Fatalf("throttle message params %v", e.Params)
		}

		// Still locked one second before the window ends, open after it.
		w.clock.T = w.clock.T.Add(15*time.Minute - time.Second)
		_, err = w.svc.Login(ctx, "haidan", "haidan-password", "10.9.9.9")
		wantErr(t, "still locked", err, apperr.KindTooMany, "auth.throttled")
		w.clock.T = w.clock.T.Add(time.Second)
		w.login("haidan", "10.9.9.9")
	})
}

func TestLoginThrottlePerAddress(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		names := []string{"a-one", "a-two", "a-three", "a-four", "a-five", "a-six", "victim"}
		for _, n := range names {
			w.user(n, auth.RoleRepresentative, w.villageA)
		}
		// 30 failures from one address, spread so no account reaches 5.
		for i := 0; i < 30; i++ {
			_, err := w.svc.Login(ctx, names[i%6], "guess", "203.0.113.7")
			wantErr(t, "guess", err, apperr.KindUnauthenticated, "auth.bad_credentials")
		}
		_, err := w.svc.Login(ctx, "victim", "victim-password", "203.0.113.7")
		wantErr(t, "address locked", err, apperr.KindTooMany, "auth.throttled")
		// Other addresses are not affected, nor is the account elsewhere.
		w.login("victim", "198.51.100.1")

		w.clock.T = w.clock.T.Add(15 * time.Minute)
		w.login("victim", "203.0.113.7")
		// Old failures are pruned once they are a day old.
		w.clock.T = w.clock.T.Add(25 * time.Hour)
		w.svc.Login(ctx, "victim", "guess", "203.0.113.7")
		if n := w.count(`SELECT COUNT(*) FROM login_failures`); n != 2 {
			t.Fatalf("login_failures after pruning: %d rows, want the 2 of the last attempt", n)
		}
	})
}

func TestSessionExpiryAndSliding(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.user("haidan", auth.RoleVillageLeader, w.villageA)
		start := w.clock.T

		idle := w.login("haidan", "10.0.0.1")
		used := w.login("haidan", "10.0.0.1")

		// Using a session pushes its end 12 hours past the use.
		w.clock.T = start.Add(11 * time.Hour)
		w.actor(used)
		w.clock.T = start.Add(12 * time.Hour)
		_, err := w.svc.SessionActor(ctx, idle)
		wantErr(t, "idle session after 12h", err, apperr.KindUnauthenticated, "auth.session_expired")
		w.clock.T = start.Add(22 * time.Hour)
		w.actor(used)
		w.clock.T = start.Add(34*time.Hour + time.Second)
		_, err = w.svc.SessionActor(ctx, used)
		wantErr(t, "used session after 12h idle", err, apperr.KindUnauthenticated, "auth.session_expired")
	})
}

func TestLogoutAndLogoutEverywhere(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.user("haidan", auth.RoleVillageLeader, w.villageA)
		w.user("other", auth.RoleVillageLeader, w.villageB)

		one := w.login("haidan", "10.0.0.1")
		if err := w.svc.Logout(ctx, one); err != nil {
			t.Fatal(err)
		}
		_, err := w.svc.SessionActor(ctx, one)
		wantErr(t, "after logout", err, apperr.KindUnauthenticated, "")

		phone, office := w.login("haidan", "10.0.0.1"), w.login("haidan", "10.0.0.2")
		others := w.login("other", "10.0.0.3")
		if err := w.svc.LogoutEverywhere(ctx, w.actor(phone)); err != nil {
			t.Fatal(err)
		}
		for name, tok := range map[string]string{"phone": phone, "office": office} {
			if _, err := w.svc.SessionActor(ctx, tok); apperr.KindOf(err) != apperr.KindUnauthenticated {
				t.Errorf("%s session survived logout everywhere: %v", name, err)
			}
		}
		w.actor(others) // another user's session is untouched
		rows, err := audit.List(ctx, d, audit.Filter{All: true, Entity: "user", Limit: 1})
		if err != nil || len(rows) != 1 || rows[0].Action != "user.logout_everywhere" || rows[0].After != `{"sessions_ended":2}` {
			t.Fatalf("audit of logout everywhere: %+v %v", rows, err)
		}
	})
}

func TestSetPasswordEndsSessions(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.user("haidan", auth.RoleVillageLeader, w.villageA)
		w.user("adminb", auth.RoleTownAdmin, w.townB)
		tok := w.login("haidan", "10.0.0.1")
		other := w.login("haidan", "10.0.0.2")
		self := w.actor(tok)

		err := w.svc.SetPassword(ctx, self, "haidan", "short")
		wantErr(t, "short password", err, apperr.KindInvalid, "")
		// An administrator of another town cannot reach this account.
		err = w.svc.SetPassword(ctx, w.actor(w.login("adminb", "10.0.0.9")), "haidan", "taken-over-1")
		wantErr(t, "foreign admin", err, apperr.KindNotFound, "")

		if err := w.svc.SetPassword(ctx, self, "haidan", "new-secret-2026"); err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{tok, other} {
			if _, err := w.svc.SessionActor(ctx, s); apperr.KindOf(err) != apperr.KindUnauthenticated {
				t.Fatalf("a session survived the password change: %v", err)
			}
		}
		_, err = w.svc.Login(ctx, "haidan", "haidan-password", "10.0.0.1")
		wantErr(t, "old password", err, apperr.KindUnauthenticated, "auth.bad_credentials")
		if _, err := w.svc.Login(ctx, "haidan", "new-secret-2026", "10.0.0.1"); err != nil {
			t.Fatalf("new password: %v", err)
		}
		if n := w.count(`SELECT COUNT(*) FROM audit_log WHERE action = 'user.password'`); n != 1 {
			t.Fatalf("password changes audited: %d", n)
		}
	})
}

func TestAPITokens(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.user("haidan", auth.RoleVillageLeader, w.villageA)
		w.user("other", auth.RoleVillageLeader, w.villageB)
		a := w.actor(w.login("haidan", "10.0.0.1"))
		b := w.actor(w.login("other", "10.0.0.1"))

		_, err := w.svc.CreateAPIToken(ctx, a, "  ")
		wantErr(t, "unnamed token", err, apperr.KindInvalid, "")
		tok, err := w.svc.CreateAPIToken(ctx, a, "报表系统")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(tok, "dj_") || len(tok) < 40 {
			t.Fatalf("token %q", tok)
		}
		ta, err := w.svc.TokenActor(ctx, tok)
		if err != nil || ta.Username != "haidan" || ta.CSRF != "" {
			t.Fatalf("token actor %+v %v", ta, err)
		}
		if n := w.count(`SELECT COUNT(*) FROM api_tokens WHERE token_hash = $1 OR token_hash = $2`, tok, strings.TrimPrefix(tok, "dj_")); n != 0 {
			t.Fatal("the API token is stored in clear")
		}
		list, err := w.svc.ListAPITokens(ctx, a)
		if err != nil || len(list) != 1 || list[0].Name != "报表系统" {
			t.Fatalf("tokens %+v %v", list, err)
		}

		// Someone else cannot revoke it, and cannot tell it exists.
		err = w.svc.RevokeAPIToken(ctx, b, list[0].ID)
		wantErr(t, "foreign revoke", err, apperr.KindNotFound, "")
		if _, err := w.svc.TokenActor(ctx, tok); err != nil {
			t.Fatalf("token died from a foreign revoke: %v", err)
		}
		if err := w.svc.RevokeAPIToken(ctx, a, list[0].ID); err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.TokenActor(ctx, tok)
		wantErr(t, "revoked token", err, apperr.KindUnauthenticated, "auth.bad_token")
		err = w.svc.RevokeAPIToken(ctx, a, list[0].ID)
		wantErr(t, "second revoke", err, apperr.KindNotFound, "")
		if list, _ := w.svc.ListAPITokens(ctx, a); len(list) != 0 {
			t.Fatalf("revoked token still listed: %+v", list)
		}
	})
}

func TestDisabledUser(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.user("haidan", auth.RoleVillageLeader, w.villageA)
		session := w.login("haidan", "10.0.0.1")
		tok, err := w.svc.CreateAPIToken(ctx, w.actor(session), "sync")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.ExecContext(ctx, `UPDATE users SET disabled = $1 WHERE username = 'haidan'`, true); err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.Login(ctx, "haidan", "haidan-password", "10.0.0.1")
		wantErr(t, "disabled login", err, apperr.KindUnauthenticated, "auth.bad_credentials")
		// Disabled behind the service's back (another process): honoured
		// once the cached actors have aged out.
		w.clock.T = w.clock.T.Add(auth.DefaultActorCacheTTL)
		_, err = w.svc.SessionActor(ctx, session)
		wantErr(t, "disabled session", err, apperr.KindUnauthenticated, "")
		_, err = w.svc.TokenActor(ctx, tok)
		wantErr(t, "disabled token", err, apperr.KindUnauthenticated, "")
	})
}

func TestAddUserScopeAndValidation(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.user("admina", auth.RoleTownAdmin, w.townA)
		w.user("leader", auth.RoleVillageLeader, w.villageA)
		admin := w.actor(w.login("admina", "10.0.0.1"))
		leader := w.actor(w.login("leader", "10.0.0.1"))
		add := func(a *auth.Actor, name string, o org.Org) error {
			_, err := w.svc.AddUser(ctx, a, auth.NewUser{Username: name, DisplayName: name, Password: "long-enough-1",
				Role: auth.RoleVillageLeader, OrgID: o.ID})
			return err
		}
		before := w.count(`SELECT COUNT(*) FROM users`)
		wantErr(t, "town admin into another town", add(admin, "intruder", w.villageB), apperr.KindNotFound, "")
		wantErr(t, "town admin at the county above", add(admin, "intruder", w.county), apperr.KindNotFound, "")
		wantErr(t, "village leader adds a user", add(leader, "intruder", w.villageA), apperr.KindForbidden, "")
		if n := w.count(`SELECT COUNT(*) FROM users`); n != before {
			t.Fatalf("a refused AddUser wrote a user: %d, had %d", n, before)
		}
		if err := add(admin, "newleader", w.villageA); err != nil {
			t.Fatalf("town admin in own town: %v", err)
		}
		rows, err := audit.List(ctx, d, audit.Filter{All: true, Entity: "user", Limit: 1})
		if err != nil || len(rows) != 1 || rows[0].ActorName != "admina" || rows[0].OrgID != w.villageA.ID {
			t.Fatalf("audit of AddUser: %+v %v", rows, err)
		}

		_, err = w.svc.AddUser(ctx, admin, auth.NewUser{Username: "X", DisplayName: " ", Password: "short",
			Role: "emperor", OrgID: w.villageA.ID})
		e := apperr.As(err)
		if e == nil || e.Kind != apperr.KindInvalid {
			t.Fatalf("bad input: %v", err)
		}
		for field, key := range map[string]string{"username": "user.username_format", "display_name": "error.required",
			"password": "user.password_short", "role": "user.role_unknown"} {
			if e.Fields[field].Key != key {
				t.Errorf("field %s: %q, want %q", field, e.Fields[field].Key, key)
			}
		}
		err = add(admin, "NewLeader", w.villageA) // usernames are case-folded
		if e := apperr.As(err); e == nil || e.Fields["username"].Key != "user.username_taken" {
			t.Fatalf("duplicate username: %v", err)
		}
		_, err = w.svc.AddUser(ctx, nil, auth.NewUser{Username: "lost", DisplayName: "lost", Password: "long-enough-1",
			Role: auth.RoleMember, OrgID: 999999})
		if e := apperr.As(err); e == nil || e.Fields["org_id"].Key != "org.unknown" {
			t.Fatalf("unknown org: %v", err)
		}
	})
}

// TestLoginThrottleAcrossServers: failures are counted in the database, so
// an attacker who spreads guesses over two app servers behind one
// PostgreSQL meets the same limit as on one.
func TestLoginThrottleAcrossServers(t *testing.T) {
	servers := testkit.PostgresServers(t, 2)
	w := newWorld(t, servers[0])
	w.user("haidan", auth.RoleVillageLeader, w.villageA)
	other := auth.NewService(servers[1], w.clock)
	other.Password = w.svc.Password
	for i := 0; i < 5; i++ {
		svc := []*auth.Service{w.svc, other}[i%2]
		_, err := svc.Login(ctx, "haidan", "guess", "10.0.0.1")
		wantErr(t, "guess", err, apperr.KindUnauthenticated, "auth.bad_credentials")
	}
	for name, svc := range map[string]*auth.Service{"first server": w.svc, "second server": other} {
		_, err := svc.Login(ctx, "haidan", "haidan-password", "10.9.9.9")
		wantErr(t, "locked account on the "+name, err, apperr.KindTooMany, "auth.throttled")
	}
}
