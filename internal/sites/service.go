package sites

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// Service is the activity sites' use cases.
type Service struct {
	DB    *db.DB
	Clock db.Clock
}

// NewService builds the service.
func NewService(d *db.DB, clock db.Clock) *Service { return &Service{DB: d, Clock: clock} }

// orgRef is an organisation a site or a plan hangs on, with what a scope
// check needs.
type orgRef struct {
	ID       int64
	ParentID int64
	TownID   int64
	Type     string
	Name     string
	Path     string
}

func loadOrg(ctx context.Context, q db.Queryer, id int64) (orgRef, error) {
	var o orgRef
	err := q.QueryRowContext(ctx, `SELECT id, COALESCE(parent_id, 0), COALESCE(town_id, 0), type, name, path
		FROM orgs WHERE id = $1`, id).Scan(&o.ID, &o.ParentID, &o.TownID, &o.Type, &o.Name, &o.Path)
	if errors.Is(err, sql.ErrNoRows) {
		return o, apperr.NotFound()
	}
	if err != nil {
		return o, fmt.Errorf("sites: load organisation %d: %w", id, err)
	}
	return o, nil
}

// orgFor loads an organisation and decides the actor's scope over it:
// reads need org.read (site records are the organisation's public
// facts), change the permission given ("" for a read).
func orgFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (orgRef, error) {
	o, err := loadOrg(ctx, q, id)
	if err != nil {
		return o, err
	}
	return o, a.Decide(auth.PermOrgRead, change, o.Path)
}

// townFor is orgFor for a town.
func townFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (orgRef, error) {
	if id == 0 {
		return orgRef{}, apperr.Invalid("town_id", "error.required", nil)
	}
	t, err := orgFor(ctx, q, a, id, change)
	if err == nil && t.Type != "town" {
		err = apperr.Invalid("town_id", "site.not_town", nil)
	}
	return t, err
}

// levelOf is the site level of an organisation type: sites belong to
// village general branches and group branches.
func levelOf(orgType string) (Level, bool) {
	switch orgType {
	case "general_branch":
		return LevelGeneral, true
	case "branch":
		return LevelGroup, true
	}
	return "", false
}

// villageOf is the village general branch of a site's organisation.
func (o orgRef) villageOf() int64 {
	if o.Type == "general_branch" {
		return o.ID
	}
	return o.ParentID
}
