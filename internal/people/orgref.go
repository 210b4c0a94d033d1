package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// orgRef is what the registry needs to know of an organisation.
type orgRef struct {
	ID     int64
	TownID int64
	Type   string
	Name   string
	Path   string
}

func loadOrg(ctx context.Context, q db.Queryer, id int64) (orgRef, error) {
	var o orgRef
	err := q.QueryRowContext(ctx, `SELECT id, COALESCE(town_id, 0), type,
		COALESCE(NULLIF(short_name, ''), name), path FROM orgs WHERE id = $1`, id).
		Scan(&o.ID, &o.TownID, &o.Type, &o.Name, &o.Path)
	if errors.Is(err, sql.ErrNoRows) {
		return o, apperr.NotFound()
	}
	if err != nil {
		return o, fmt.Errorf("people: load organisation %d: %w", id, err)
	}
	return o, nil
}

// holdsHouseholds tells the organisations a household may belong to: a
// village general branch or one of its group branches.
func (o orgRef) holdsHouseholds() bool { return o.Type == "general_branch" || o.Type == "branch" }

// householdOrg loads the organisation a household is put in and decides
// the actor's right to write there. An unknown one, one the actor may not
// even read, or one of the wrong kind is the same problem of the org_id
// field, so the form tells nothing of other villages; readable but not
// writable is Forbidden. A failing query is returned as it is: only a
// missing row is the user's mistake.
func householdOrg(ctx context.Context, q db.Queryer, a *auth.Actor, f apperr.Fields, id int64) (orgRef, bool, error) {
	if id == 0 {
		f.Add("org_id", "error.required", nil)
		return orgRef{}, false, nil
	}
	o, err := loadOrg(ctx, q, id)
	if err == nil {
		err = allowWrite(a, o.Path)
	}
	switch {
	case apperr.KindOf(err) == apperr.KindNotFound || (err == nil && !o.holdsHouseholds()):
		f.Add("org_id", "people.org_invalid", nil)
		return orgRef{}, false, nil
	case err != nil:
		return orgRef{}, false, err
	}
	return o, true, nil
}
