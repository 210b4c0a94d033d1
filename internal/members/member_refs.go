package members

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// placeFor loads the organisation an input names in field as a member's
// place and decides the actor's perm there. An unknown organisation, one
// the actor may not even read, and one that holds no members are the same
// field error, so a form tells nothing of other villages; readable but
// without perm is Forbidden. Only a missing row is the user's mistake: a
// failing query is returned as it is. ok is false when f got the error.
func placeFor(ctx context.Context, q db.Queryer, a *auth.Actor, f apperr.Fields, field string, id int64,
	perm auth.Perm) (pl place, ok bool, err error) {
	pl, err = placeOf(ctx, q, id)
	if err == nil {
		err = DecideMemberScope(a, auth.PermMemberRead, pl.Path)
	}
	switch {
	case apperr.KindOf(err) == apperr.KindNotFound || (err == nil && !memberOrgType(pl.Type)):
		f.Add(field, "member.org_unknown", nil)
		return place{}, false, nil
	case err != nil:
		return place{}, false, err
	}
	if err := DecideMemberScope(a, perm, pl.Path); err != nil {
		return place{}, false, err
	}
	return pl, true, nil
}

// linkResidents sets the resident each prepared member is linked to: the
// registered resident with the same id number, when sees allows the
// resident's organisation. A resident out of sight stays unlinked, so
// entering a number reveals nothing of another village's register. The
// look-up asks in chunks so the statement stays small on both databases.
func linkResidents(ctx context.Context, q db.Queryer, sees func(path string) bool, batch []prepared) error {
	byHash := map[string][]int{}
	for i, p := range batch {
		for _, h := range p.id.Lookups {
			byHash[h] = append(byHash[h], i)
		}
	}
	hashes := make([]string, 0, len(byHash))
	for h := range byHash {
		hashes = append(hashes, h)
	}
	for chunk := range slices.Chunk(hashes, importBatch) {
		var args db.Args
		rows, err := q.QueryContext(ctx, `SELECT r.id, r.id_hash, o.path FROM residents r JOIN orgs o ON o.id = r.org_id
			WHERE r.id_hash IN (`+db.InList(&args, chunk)+`)`, args.Values()...)
		if err != nil {
			return fmt.Errorf("members: link residents: %w", err)
		}
		type found struct {
			id         int64
			hash, path string
		}
		list, err := db.Collect(rows, func(r *sql.Rows, v *found) error { return r.Scan(&v.id, &v.hash, &v.path) })
		if err != nil {
			return fmt.Errorf("members: link residents: %w", err)
		}
		for _, r := range list {
			if !sees(r.path) {
				continue
			}
			for _, i := range byHash[r.hash] {
				batch[i].residentID = r.id
			}
		}
	}
	return nil
}

// seesResidents is the link rule of a use case acting for a: residents the
// actor may read in the registry (the system sees all).
func seesResidents(a *auth.Actor) func(string) bool {
	return func(path string) bool { return a.Sees(auth.PermPeopleRead, path) }
}

// accountFor refuses an account to link that does not exist, or that holds
// a role somewhere the actor does not manage users, with the same field
// error: the form tells nothing of other villages' accounts.
func accountFor(ctx context.Context, q db.Queryer, a *auth.Actor, userID int64) error {
	rows, err := q.QueryContext(ctx, `SELECT COALESCE(o.path, '') FROM users u
		LEFT JOIN role_bindings b ON b.user_id = u.id LEFT JOIN orgs o ON o.id = b.org_id WHERE u.id = $1`, userID)
	if err != nil {
		return fmt.Errorf("members: load account %d: %w", userID, err)
	}
	paths, err := db.Collect(rows, func(r *sql.Rows, p *string) error { return r.Scan(p) })
	if err != nil {
		return fmt.Errorf("members: load account %d: %w", userID, err)
	}
	unknown := len(paths) == 0
	for _, p := range paths {
		unknown = unknown || (p != "" && a.Decide(auth.PermOrgRead, auth.PermUserManage, p) != nil)
	}
	if unknown {
		return apperr.Invalid("user_id", "self.user_unknown", nil)
	}
	return nil
}
