package people

import (
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// allowWrite is the scope decision of a change to records at path.
func allowWrite(a *auth.Actor, path string) error {
	return a.Decide(auth.PermPeopleRead, auth.PermPeopleWrite, path)
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

func limitOf(n int) int { return db.Limit(n, 50, 200) }
