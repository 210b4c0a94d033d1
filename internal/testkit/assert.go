package testkit

import (
	"context"
	"strings"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/demo"
	"dangjian/internal/i18n"
	"dangjian/internal/org"
)

// WantKind fails unless err is an apperr of kind k, and returns it.
func WantKind(t testing.TB, err error, k apperr.Kind) *apperr.Error {
	t.Helper()
	e := apperr.As(err)
	if e == nil || e.Kind != k {
		t.Fatalf("want error kind %d, got %v", k, err)
	}
	return e
}

// WantRule fails unless err violates the named rule and its Chinese
// message contains each fragment; it returns the Chinese and English
// messages for the caller to check the numbers.
func WantRule(t testing.TB, err error, rule string, fragments ...string) (zh, en string) {
	t.Helper()
	e := WantKind(t, err, apperr.KindRuleViolation)
	if e.Rule != rule {
		t.Fatalf("want rule %s, got %v", rule, err)
	}
	zh, en = i18n.T(i18n.ZH, e.Key, e.Params), i18n.T(i18n.EN, e.Key, e.Params)
	for _, f := range fragments {
		if !strings.Contains(zh, f) {
			t.Fatalf("message %q lacks %q", zh, f)
		}
	}
	return zh, en
}

// WantField fails unless err is a form error with key on field.
func WantField(t testing.TB, err error, field, key string) {
	t.Helper()
	e := WantKind(t, err, apperr.KindInvalid)
	if fe, ok := e.Fields[field]; !ok || fe.Key != key {
		t.Fatalf("want %s on field %s, got %v", key, field, err)
	}
}

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
