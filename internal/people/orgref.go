package people

import (
	"context"
	"database/sql"
	"errors"

	"dangjian/internal/apperr"
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
	return o, err
}

// holdsHouseholds tells the organisations a household may belong to: a
// village general branch or one of its group branches.
func (o orgRef) holdsHouseholds() bool { return o.Type == "general_branch" || o.Type == "branch" }

// householdOrg loads the organisation a household is put in; an unknown
// one or one of the wrong kind is a problem of the org_id field.
func householdOrg(ctx context.Context, q db.Queryer, f apperr.Fields, id int64) (orgRef, bool) {
	if id == 0 {
		f.Add("org_id", "error.required", nil)
		return orgRef{}, false
	}
	o, err := loadOrg(ctx, q, id)
	if err != nil || !o.holdsHouseholds() {
		f.Add("org_id", "people.org_invalid", nil)
		return orgRef{}, false
	}
	return o, true
}
