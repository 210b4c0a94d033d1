package auth_test

import (
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// reads counts the statements a function sends to the read pool.
func reads(d *db.DB, fn func()) int {
	n := 0
	d.ObserveReads(func(string, []any) { n++ })
	defer d.ObserveReads(nil)
	fn()
	return n
}

func TestActorCacheSavesTheRoundTripWithinItsBound(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.user("haidan", auth.RoleVillageLeader, w.villageA)
		session := w.login("haidan", "10.0.0.1")
		first := w.actor(session)
		if n := reads(d, func() { w.actor(session) }); n != 0 {
			t.Fatalf("a second resolve within the bound read the database %d times", n)
		}
		w.clock.T = w.clock.T.Add(auth.DefaultActorCacheTTL)
		var again *auth.Actor
		if n := reads(d, func() { again = w.actor(session) }); n != 1 {
			t.Fatalf("a resolve after the bound read the database %d times, want 1", n)
		}
		if again.UserID != first.UserID || again.CSRF != first.CSRF || len(again.Bindings) != 1 {
			t.Fatalf("cached %+v, read again %+v", first, again)
		}
		// A caller changing its copy does not change the next request's.
		again.Bindings[0].OrgPath = "/changed/"
		if a := w.actor(session); a.Bindings[0].OrgPath != w.villageA.Path {
			t.Fatalf("the cache handed out a shared actor: %+v", a.Bindings)
		}
	})
}

// Two app servers on one database: what one ends, the other honours within
// ActorCacheTTL, and the one that ended it at once.
func TestActorCacheAcrossTwoServers(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.user("haidan", auth.RoleVillageLeader, w.villageA)
		other := auth.NewService(d, w.clock)
		ended := func(what string, svc *auth.Service, token string) {
			t.Helper()
			_, err := svc.SessionActor(ctx, token)
			wantErr(t, what, err, apperr.KindUnauthenticated, "auth.session_expired")
		}
		served := func(what string, svc *auth.Service, token string) {
			t.Helper()
			if _, err := svc.SessionActor(ctx, token); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
		}
		age := func() { w.clock.T = w.clock.T.Add(auth.DefaultActorCacheTTL) }

		// Logout.
		session := w.login("haidan", "10.0.0.1")
		served("warm this server", w.svc, session)
		served("warm the other", other, session)
		if err := other.Logout(ctx, session); err != nil {
			t.Fatal(err)
		}
		ended("logout, on the server that did it", other, session)
		w.clock.T = w.clock.T.Add(auth.DefaultActorCacheTTL - time.Millisecond)
		served("logout elsewhere, inside the bound", w.svc, session)
		w.clock.T = w.clock.T.Add(time.Millisecond)
		ended("logout elsewhere, at the bound", w.svc, session)

		// Logout everywhere.
		session = w.login("haidan", "10.0.0.1")
		served("warm this server", w.svc, session)
		if err := other.LogoutEverywhere(ctx, w.actor(session)); err != nil {
			t.Fatal(err)
		}
		ended("logout everywhere, same server", other, session)
		age()
		ended("logout everywhere, other server", w.svc, session)

		// Password change.
		session = w.login("haidan", "10.0.0.1")
		served("warm this server", w.svc, session)
		if err := other.SetPassword(ctx, nil, "haidan", "haidan-password"); err != nil {
			t.Fatal(err)
		}
		ended("password change, same server", other, session)
		age()
		ended("password change, other server", w.svc, session)

		// API token revoked.
		session = w.login("haidan", "10.0.0.1")
		a := w.actor(session)
		tok, err := w.svc.CreateAPIToken(ctx, a, "sync")
		if err != nil {
			t.Fatal(err)
		}
		for _, svc := range []*auth.Service{w.svc, other} {
			if _, err := svc.TokenActor(ctx, tok); err != nil {
				t.Fatal(err)
			}
		}
		list, err := other.ListAPITokens(ctx, a)
		if err != nil || len(list) != 1 {
			t.Fatalf("tokens %v, %v", list, err)
		}
		if err := other.RevokeAPIToken(ctx, a, list[0].ID); err != nil {
			t.Fatal(err)
		}
		_, err = other.TokenActor(ctx, tok)
		wantErr(t, "revoked, same server", err, apperr.KindUnauthenticated, "auth.bad_token")
		age()
		_, err = w.svc.TokenActor(ctx, tok)
		wantErr(t, "revoked, other server", err, apperr.KindUnauthenticated, "auth.bad_token")
	})
}

func TestSessionLifetimes(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.user("haidan", auth.RoleVillageLeader, w.villageA)

		// A login over a live session gets a session of its own.
		first := w.login("haidan", "10.0.0.1")
		w.actor(first)
		second := w.login("haidan", "10.0.0.1")
		if second == first || w.actor(second).CSRF == w.actor(first).CSRF {
			t.Fatal("a login over a live session kept its id or form token")
		}

		// Used every few hours, a session still ends SessionMaxAge after login.
		start := w.clock.T
		for w.clock.T.Sub(start) < w.svc.SessionMaxAge-4*time.Hour {
			w.clock.T = w.clock.T.Add(4 * time.Hour)
			w.actor(second)
		}
		w.clock.T = start.Add(w.svc.SessionMaxAge)
		_, err := w.svc.SessionActor(ctx, second)
		wantErr(t, "session past its absolute lifetime", err, apperr.KindUnauthenticated, "auth.session_expired")

		// Unused, it ends after SessionTTL.
		idle := w.login("haidan", "10.0.0.1")
		w.actor(idle)
		w.clock.T = w.clock.T.Add(w.svc.SessionTTL)
		_, err = w.svc.SessionActor(ctx, idle)
		wantErr(t, "idle session", err, apperr.KindUnauthenticated, "auth.session_expired")
	})
}
