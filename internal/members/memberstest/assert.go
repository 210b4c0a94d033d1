package memberstest

import (
	"testing"

	"dangjian/internal/apperr"
)

// Must fails the test on an error.
func Must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// WantKind fails unless err is an apperr of kind k and, when rule is not
// empty, a violation of that named rule.
func WantKind(t testing.TB, err error, k apperr.Kind, rule string) *apperr.Error {
	t.Helper()
	e := apperr.As(err)
	if e == nil || e.Kind != k {
		t.Fatalf("want error kind %d (%s), got %v", k, rule, err)
	}
	if rule != "" && e.Rule != rule {
		t.Fatalf("want rule %s, got %v", rule, err)
	}
	return e
}

// WantField fails unless err is a form error with key on field.
func WantField(t testing.TB, err error, field, key string) {
	t.Helper()
	e := WantKind(t, err, apperr.KindInvalid, "")
	if fe, ok := e.Fields[field]; !ok || fe.Key != key {
		t.Fatalf("want %s on field %s, got %v", key, field, err)
	}
}
