package testkit

import (
	"context"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/demo"
	"dangjian/internal/org"
)

// ActorOn is an actor holding one role on one organisation, as a logged-in
// user would, without an account behind it.
func ActorOn(name string, role auth.Role, o org.Org) *auth.Actor {
	return &auth.Actor{UserID: 1000, Username: name, Bindings: []auth.Binding{
		{Role: role, OrgID: o.ID, OrgPath: o.Path, TownID: o.TownID}}}
}

// ActorFor logs a demo account in and returns it as use cases see it.
func (e *Env) ActorFor(t testing.TB, username string) *auth.Actor {
	t.Helper()
	ctx := context.Background()
	token, err := e.Svc.Auth.Login(ctx, username, demo.DemoPassword, "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Svc.Auth.SessionActor(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
