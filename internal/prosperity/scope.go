package prosperity

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// OrgRef is an organisation a record hangs on: a village general branch,
// a town, or a branch leading a cooperative.
type OrgRef struct {
	ID     int64  `json:"id"`
	TownID int64  `json:"town_id"`
	Type   string `json:"type"`
	Name   string `json:"name"`
	Path   string `json:"-"`
}

func loadOrg(ctx context.Context, q db.Queryer, id int64) (OrgRef, error) {
	var o OrgRef
	err := q.QueryRowContext(ctx, `SELECT id, COALESCE(town_id, 0), type, COALESCE(NULLIF(short_name, ''), name), path
		FROM orgs WHERE id = $1`, id).Scan(&o.ID, &o.TownID, &o.Type, &o.Name, &o.Path)
	if errors.Is(err, sql.ErrNoRows) {
		return o, apperr.NotFound()
	}
	if err != nil {
		return o, fmt.Errorf("prosperity: load organisation %d: %w", id, err)
	}
	return o, nil
}

// villageFor loads a village general branch and decides the actor's
// scope over it: reads with people.read (the programme's records name
// residents and households), changes with prosperity.write.
func villageFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (OrgRef, error) {
	if id == 0 {
		return OrgRef{}, apperr.Invalid("village_id", "error.required", nil)
	}
	v, err := loadOrg(ctx, q, id)
	if err != nil {
		return v, err
	}
	if err := a.Decide(auth.PermPeopleRead, change, v.Path); err != nil {
		return v, err
	}
	if v.Type != "general_branch" {
		return v, apperr.Invalid("village_id", "prosperity.not_village", apperr.Params{"name": v.Name})
	}
	return v, nil
}

// areaFor loads a village or a town for a read (people.read).
func areaFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64) (OrgRef, error) {
	if id == 0 {
		return OrgRef{}, apperr.Invalid("org_id", "error.required", nil)
	}
	o, err := loadOrg(ctx, q, id)
	if err != nil {
		return o, err
	}
	if err := a.Decide(auth.PermPeopleRead, "", o.Path); err != nil {
		return o, err
	}
	if o.Type != "general_branch" && o.Type != "town" {
		return o, apperr.Invalid("org_id", "prosperity.not_area", apperr.Params{"name": o.Name})
	}
	return o, nil
}

// villageOfSQL is the village general branch of an organisation o that
// holds households (the branch's parent, or the general branch itself).
const villageOfSQL = `CASE WHEN o.type = 'general_branch' THEN o.id ELSE o.parent_id END`

// inVillage checks that every id of table (households or residents)
// lies in the village; ids outside it, in another village or made up,
// answer alike: one field error naming them.
func inVillage(ctx context.Context, q db.Queryer, table, field string, villageID int64, ids []int64) error {
	if len(ids) == 0 {
		return apperr.Invalid(field, "error.required", nil)
	}
	var args db.Args
	v := args.Add(villageID)
	list := db.InList(&args, ids)
	rows, err := q.QueryContext(ctx, `SELECT x.id FROM `+table+` x JOIN orgs o ON o.id = x.org_id
		WHERE x.id IN (`+list+`) AND `+villageOfSQL+` = `+v, args.Values()...)
	if err != nil {
		return fmt.Errorf("prosperity: check %s: %w", table, err)
	}
	found, err := db.Collect(rows, func(r *sql.Rows, id *int64) error { return r.Scan(id) })
	if err != nil {
		return err
	}
	ok := map[int64]bool{}
	for _, id := range found {
		ok[id] = true
	}
	var bad []string
	seen := map[int64]bool{}
	for _, id := range ids {
		if seen[id] {
			return apperr.Invalid(field, "prosperity.duplicate_id", apperr.Params{"id": id})
		}
		seen[id] = true
		if !ok[id] {
			bad = append(bad, strconv.FormatInt(id, 10))
		}
	}
	if len(bad) > 0 {
		return apperr.Invalid(field, "prosperity.not_in_village", apperr.Params{"ids": strings.Join(bad, ", ")})
	}
	return nil
}
