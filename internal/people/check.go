package people

import (
	"strings"
	"unicode/utf8"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
)

// allowWrite checks a change. A nil actor is the command line or the demo
// loader, which act for the system; web handlers always pass a user.
func allowWrite(a *auth.Actor, path string) error {
	if a == nil {
		return nil
	}
	return a.Require(auth.PermPeopleWrite, path)
}

// mayRead tells whether the actor may see records at path; the system
// (nil actor, command line) may.
func mayRead(a *auth.Actor, path string) bool {
	return a == nil || a.CanAt(auth.PermPeopleRead, path)
}

// text trims a field and records it as missing or too long.
func text(f apperr.Fields, field, v string, required bool, max int) string {
	v = strings.TrimSpace(v)
	switch {
	case v == "" && required:
		f.Add(field, "error.required", nil)
	case utf8.RuneCountInString(v) > max:
		f.Add(field, "error.too_long", apperr.Params{"max": max})
	}
	return v
}

// phone accepts what people write on forms: digits with optional spaces,
// dashes and a leading +, 7 to 20 characters (landlines and mobiles).
func phone(f apperr.Fields, field, v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return v
	}
	digits := 0
	for i, c := range v {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ' ' || c == '-' || (c == '+' && i == 0):
		default:
			f.Add(field, "people.phone_format", nil)
			return v
		}
	}
	if digits < 7 || len(v) > 20 {
		f.Add(field, "people.phone_format", nil)
	}
	return v
}

// merge copies the field problems of err (an id number refusal, say) into
// f; any other error is returned for the caller to pass on.
func merge(f apperr.Fields, err error) error {
	e := apperr.As(err)
	if e == nil || e.Kind != apperr.KindInvalid {
		return err
	}
	for k, v := range e.Fields {
		f.Add(k, v.Key, v.Params)
	}
	return nil
}

// conflict is a duplicate that a form shows beside the field at fault.
func conflict(field, key string, p apperr.Params) error {
	e := apperr.Conflict(key, p)
	e.Fields = map[string]apperr.FieldError{field: {Key: key, Params: p}}
	return e
}

// likeContains is a LIKE pattern for "contains s", with the wildcards a
// user might type taken literally (used with ESCAPE '\').
func likeContains(s string) string { return "%" + likeEscape(s) + "%" }

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// looksLikeIDNumber tells a search box's id number from a name: 18
// characters, the first 17 digits.
func looksLikeIDNumber(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) != 18 {
		return false
	}
	for i := 0; i < 17; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func limitOf(n int) int {
	if n <= 0 || n > 200 {
		return 50
	}
	return n
}
