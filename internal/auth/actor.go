package auth

import (
	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// Binding is one role held on one organisation.
type Binding struct {
	Role    Role
	OrgID   int64
	OrgPath string
	TownID  int64
}

// Actor is the user a use case acts for. Every use case takes one and
// checks it before touching data; handlers only pass it along.
type Actor struct {
	UserID   int64
	Username string
	Name     string
	Lang     i18n.Lang
	Bindings []Binding
	// CSRF is the session's form token; empty for API tokens, which
	// browsers never send on their own.
	CSRF string
}

// Audit is how the audit log names this actor.
func (a *Actor) Audit() audit.Actor {
	if a == nil {
		return audit.System
	}
	return audit.Actor{ID: a.UserID, Name: a.Username}
}

// Scope lists the subtree roots where the actor holds permission p.
func (a *Actor) Scope(p Perm) []string {
	if a == nil {
		return nil
	}
	var out []string
	for _, b := range a.Bindings {
		if b.Role.Grants(p) {
			out = append(out, b.OrgPath)
		}
	}
	return out
}

// Can reports whether the actor holds p anywhere.
func (a *Actor) Can(p Perm) bool { return len(a.Scope(p)) > 0 }

// CanAt reports whether the actor holds p over the organisation at path.
func (a *Actor) CanAt(p Perm, path string) bool {
	for _, root := range a.Scope(p) {
		if db.Under(path, root) {
			return true
		}
	}
	return false
}

// Decide is the one scope rule of every use case, applied to a record
// (or an organisation named in the input) already loaded inside the use
// case's transaction:
//   - a nil actor is the system (command line, demo loader) and passes;
//   - a record the actor may change (change over path) passes;
//   - outside the actor's read scope the record does not exist: NotFound,
//     exactly what a missing id answers, so probing ids reveals nothing;
//   - a read (change == "") of a readable record passes;
//   - readable but not changeable answers Forbidden.
func (a *Actor) Decide(read, change Perm, path string) error {
	if a == nil {
		return nil
	}
	if change != "" && a.CanAt(change, path) {
		return nil
	}
	if !a.CanAt(read, path) {
		return apperr.NotFound()
	}
	if change == "" {
		return nil
	}
	return apperr.Forbidden()
}

// Sees reports whether Decide lets the actor read records at path.
func (a *Actor) Sees(read Perm, path string) bool { return a.Decide(read, "", path) == nil }

// Require is Decide for the organisation programme's records, whose read
// permission is org.read: p over path, NotFound outside org.read.
func (a *Actor) Require(p Perm, path string) error {
	return a.Decide(PermOrgRead, p, path)
}

// HasRole reports whether the actor holds role r anywhere.
func (a *Actor) HasRole(r Role) bool {
	if a == nil {
		return false
	}
	for _, b := range a.Bindings {
		if b.Role == r {
			return true
		}
	}
	return false
}

// TownIDs lists the towns the actor works in, for pages that default to one.
func (a *Actor) TownIDs() []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, b := range a.Bindings {
		if b.TownID != 0 && !seen[b.TownID] {
			seen[b.TownID] = true
			out = append(out, b.TownID)
		}
	}
	return out
}

// UserRef is the users.id to store for who did something; the system (a
// nil actor) is stored as NULL.
func (a *Actor) UserRef() any {
	if a == nil || a.UserID == 0 {
		return nil
	}
	return a.UserID
}

// DisplayName is how a record names who did something: the display name,
// else the username; "system" for the nil actor.
func (a *Actor) DisplayName() string {
	if a == nil {
		return "system"
	}
	if a.Name != "" {
		return a.Name
	}
	return a.Username
}
