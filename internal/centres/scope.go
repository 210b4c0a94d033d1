package centres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/org"
)

// place is an organisation as the centres' scope checks need it.
type place struct {
	ID     int64
	TownID int64
	Type   org.Type
	Name   string
	Path   string
}

func loadPlace(ctx context.Context, q db.Queryer, id int64) (place, error) {
	var p place
	var town sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT id, town_id, type, CASE WHEN short_name <> '' THEN short_name ELSE name END, path
		FROM orgs WHERE id = $1`, id).Scan(&p.ID, &town, &p.Type, &p.Name, &p.Path)
	if errors.Is(err, sql.ErrNoRows) {
		return p, apperr.NotFound()
	}
	if err != nil {
		return p, fmt.Errorf("centres: load organisation %d: %w", id, err)
	}
	p.TownID = town.Int64
	return p, nil
}

// villageFor loads a village the centres work in and decides the actor's
// scope over it: outside read it does not exist, readable without change
// is Forbidden. Anything but a village (general branch) is refused like
// one that does not exist: NotFound for a read, the field error
// centres.village_unknown for a change (the id is the form's input).
func villageFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, read, change auth.Perm) (place, error) {
	unknown := apperr.NotFound()
	if change != "" {
		unknown = apperr.Invalid("org_id", "centres.village_unknown", nil)
	}
	p, err := loadPlace(ctx, q, id)
	if apperr.KindOf(err) == apperr.KindNotFound || (err == nil && p.Type != org.TypeGeneralBranch) {
		return p, unknown
	}
	if err != nil {
		return p, err
	}
	if err := a.Decide(read, change, p.Path); err != nil {
		if apperr.KindOf(err) == apperr.KindNotFound {
			return p, unknown
		}
		return p, err
	}
	return p, nil
}

// area is where a list looks: one village (org_id), one town (town_id),
// or the subtrees of the actor's scope (the orgs path range, joined as o).
type area struct {
	col   string
	id    int64
	paths []string
}

// areaFor turns an optional organisation of a list's filter into an area
// the actor may read with perm; one outside it is NotFound.
func areaFor(ctx context.Context, q db.Queryer, a *auth.Actor, perm auth.Perm, orgID int64) (area, error) {
	if orgID == 0 {
		if a == nil {
			return area{paths: []string{"/"}}, nil
		}
		return area{paths: a.Scope(perm)}, nil
	}
	p, err := loadPlace(ctx, q, orgID)
	if err != nil {
		return area{}, err
	}
	if err := a.Decide(perm, "", p.Path); err != nil {
		return area{}, err
	}
	switch p.Type {
	case org.TypeGeneralBranch:
		return area{col: "org_id", id: p.ID}, nil
	case org.TypeTown:
		return area{col: "town_id", id: p.ID}, nil
	case org.TypeCounty:
		return area{paths: []string{p.Path}}, nil
	}
	return area{}, apperr.Invalid("org_id", "centres.village_unknown", nil)
}

// cond is the area's condition on table alias x (joined with orgs o).
func (ar area) cond(args *db.Args, x string) string {
	if ar.col != "" {
		return x + "." + ar.col + " = " + args.Add(ar.id)
	}
	return args.Subtree("o.path", ar.paths)
}

// resident is a person of the registry named in an input.
type resident struct {
	ID        int64
	Name      string
	VillageID int64
}

// residentIn loads a resident of the village and checks the actor reads
// them (people.read); one of another village, out of sight or unknown is
// the same field error.
func residentIn(ctx context.Context, q db.Queryer, a *auth.Actor, f apperr.Fields, field string, id int64, village place) (resident, error) {
	var r resident
	var path string
	var typ org.Type
	var parent sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT r.id, r.name, o.id, o.parent_id, o.type, o.path FROM residents r
		JOIN orgs o ON o.id = r.org_id WHERE r.id = $1`, id).Scan(&r.ID, &r.Name, &r.VillageID, &parent, &typ, &path)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return r, fmt.Errorf("centres: load resident %d: %w", id, err)
	default:
		if typ != org.TypeGeneralBranch {
			r.VillageID = parent.Int64
		}
		if r.VillageID == village.ID && a.Sees(auth.PermPeopleRead, path) {
			return r, nil
		}
	}
	f.Add(field, "centres.resident_unknown", nil)
	return r, nil
}

// record appends the use case's one audit record.
func (s *Service) record(ctx context.Context, tx *sql.Tx, a *auth.Actor, action, entity string, id, orgID int64, before, after any) error {
	return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: action, Entity: entity,
		EntityID: id, OrgID: orgID, Before: before, After: after})
}
