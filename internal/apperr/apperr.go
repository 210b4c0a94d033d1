// Package apperr is the one error type use cases return to their callers.
// It carries a kind (mapped to an HTTP status in exactly one place, in web),
// a message key that i18n translates, and the numbers behind a refusal, so a
// user reads "出席 12 人，未达到应到 20 人的三分之二" instead of "bad request".
package apperr

import (
	"errors"
	"fmt"
)

// Kind classifies an error for the transport layer.
type Kind int

const (
	KindInternal        Kind = iota
	KindInvalid              // the input is malformed; Fields says which field and why
	KindRuleViolation        // the input is well-formed but a named rule refuses it
	KindNotFound             // no such record, or not one the actor may see
	KindForbidden            // the actor may see the record but not do this
	KindUnauthenticated      // nobody is logged in, or the credentials are wrong
	KindConflict             // a duplicate or a stale state
	KindTooMany              // throttled
	KindTooLarge             // the request body is larger than the server accepts
	KindUnavailable          // the database is out of reach for a moment; retrying later may work
)

// Params are the numbers and names a message refers to as {name}.
type Params map[string]any

// FieldError is the reason one form field was refused.
type FieldError struct {
	Key    string
	Params Params
}

// Error is the error use cases return.
type Error struct {
	Kind   Kind
	Key    string // i18n message key; for rules "rule.<name>"
	Rule   string // the rule's code name, e.g. "pipeline.activist_year"
	Params Params
	Fields map[string]FieldError
	Err    error // the underlying cause, logged and never shown
}

func (e *Error) Error() string {
	msg := e.Key
	if e.Rule != "" {
		msg = "rule " + e.Rule
	}
	if len(e.Params) > 0 {
		msg += fmt.Sprintf(" %v", map[string]any(e.Params))
	}
	if len(e.Fields) > 0 {
		msg += fmt.Sprintf(" fields=%v", e.Fields)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// As extracts an *Error, or nil when err is something else.
func As(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// KindOf answers Internal for anything that is not an *Error.
func KindOf(err error) Kind {
	if e := As(err); e != nil {
		return e.Kind
	}
	return KindInternal
}

// Rule builds the violation of a named rule with the numbers that explain it.
func Rule(rule string, p Params) *Error {
	return &Error{Kind: KindRuleViolation, Key: "rule." + rule, Rule: rule, Params: p}
}

// NotFound is also what a record outside the actor's scope looks like, so
// guessing ids reveals nothing.
func NotFound() *Error { return &Error{Kind: KindNotFound, Key: "error.not_found"} }

func Forbidden() *Error { return &Error{Kind: KindForbidden, Key: "error.forbidden"} }

func Unauthenticated(key string) *Error { return &Error{Kind: KindUnauthenticated, Key: key} }

func Conflict(key string, p Params) *Error { return &Error{Kind: KindConflict, Key: key, Params: p} }

func TooMany(key string, p Params) *Error { return &Error{Kind: KindTooMany, Key: key, Params: p} }

// Unavailable wraps a database error that a retry on a fresh connection did
// not cure; the transport answers 503 with Retry-After.
func Unavailable(cause error) *Error {
	return &Error{Kind: KindUnavailable, Key: "error.unavailable", Err: cause}
}

// Fields collects per-field problems while a use case validates its input.
type Fields map[string]FieldError

// Add records the first problem of a field.
func (f Fields) Add(field, key string, p Params) {
	if _, ok := f[field]; !ok {
		f[field] = FieldError{Key: key, Params: p}
	}
}

// Err returns nil when nothing was recorded.
func (f Fields) Err() error {
	if len(f) == 0 {
		return nil
	}
	return &Error{Kind: KindInvalid, Key: "error.invalid", Fields: f}
}

// Invalid reports one bad field.
func Invalid(field, key string, p Params) *Error {
	f := Fields{}
	f.Add(field, key, p)
	return f.Err().(*Error)
}
