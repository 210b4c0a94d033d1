// Package want holds the assertions tests of every package make on use
// case errors. It imports only apperr and i18n, so a package's own
// internal tests can use it without the import cycle testkit (which builds
// the whole application) would cause.
package want

import (
	"strings"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/i18n"
)

// OK fails the test on any error.
func OK(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Kind fails unless err is an apperr of kind k, and returns it.
func Kind(t testing.TB, err error, k apperr.Kind) *apperr.Error {
	t.Helper()
	e := apperr.As(err)
	if e == nil || e.Kind != k {
		t.Fatalf("want error kind %d, got %v", k, err)
	}
	return e
}

// Rule fails unless err violates the named rule and its Chinese message
// contains each fragment, and returns the violation.
func Rule(t testing.TB, err error, rule string, fragments ...string) *apperr.Error {
	t.Helper()
	e := Kind(t, err, apperr.KindRuleViolation)
	if e.Rule != rule {
		t.Fatalf("want rule %s, got %v", rule, err)
	}
	zh, _ := Messages(e)
	for _, f := range fragments {
		if !strings.Contains(zh, f) {
			t.Fatalf("message %q lacks %q", zh, f)
		}
	}
	return e
}

// Messages are an error's Chinese and English texts, for checking the
// numbers a message carries.
func Messages(e *apperr.Error) (zh, en string) {
	return i18n.T(i18n.ZH, e.Key, e.Params), i18n.T(i18n.EN, e.Key, e.Params)
}

// Field fails unless err is a form error with key on field.
func Field(t testing.TB, err error, field, key string) {
	t.Helper()
	e := Kind(t, err, apperr.KindInvalid)
	if fe, ok := e.Fields[field]; !ok || fe.Key != key {
		t.Fatalf("want %s on field %s, got %v", key, field, err)
	}
}

// Days checks an API answer for its calendar days: body holds every text
// of has, none of absent, and no instant at midnight ("T00:00:00"), which
// is how a day sent as a time would show.
func Days(t testing.TB, what, body string, has, absent []string) {
	t.Helper()
	for _, h := range has {
		if !strings.Contains(body, h) {
			t.Errorf("%s lacks %s: %s", what, h, body)
		}
	}
	for _, a := range append(absent, "T00:00:00") {
		if strings.Contains(body, a) {
			t.Errorf("%s has %s: %s", what, a, body)
		}
	}
}
