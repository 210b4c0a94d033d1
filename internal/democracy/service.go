// Package democracy is village democracy (seed §5.1 and §5.3): 四议两公开
// matters through their six steps with the law's quorums, the 村民代表
// roster, 五公开 items with review, schedule and versions, and the public
// portal's reads, feedback and verification codes. The rosters a meeting's
// 应到 comes from are read from the organisation, member and people
// records the other programmes keep.
package democracy

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/disclosure"
)

// Service is village democracy's use cases.
type Service struct {
	DB    *db.DB
	Clock db.Clock
	// versions holds the portal versions read lately (portal_version.go).
	portalCache portalVersions
}

// NewService builds the service.
func NewService(d *db.DB, clock db.Clock) *Service { return &Service{DB: d, Clock: clock} }

var _ disclosure.Drafter = (*Service)(nil)

// Village is the organisation a record of this programme hangs on: a
// village's general branch (村党总支).
type Village struct {
	ID     int64  `json:"id"`
	TownID int64  `json:"town_id"`
	Name   string `json:"name"`
	Path   string `json:"-"`
}

// loadVillage loads a village by id; anything else is NotFound.
func loadVillage(ctx context.Context, q db.Queryer, id int64) (Village, error) {
	var v Village
	var typ string
	err := q.QueryRowContext(ctx, `SELECT id, COALESCE(town_id, 0), CASE WHEN short_name <> '' THEN short_name ELSE name END, path, type
		FROM orgs WHERE id = $1`, id).Scan(&v.ID, &v.TownID, &v.Name, &v.Path, &typ)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && typ != "general_branch") {
		return v, apperr.NotFound()
	}
	if err != nil {
		return v, fmt.Errorf("democracy: load village %d: %w", id, err)
	}
	return v, nil
}

// villageFor loads the village and decides the actor's scope over it:
// change "" is a read.
func villageFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (Village, error) {
	v, err := loadVillage(ctx, q, id)
	if err != nil {
		return v, err
	}
	return v, a.Decide(auth.PermDemocracyRead, change, v.Path)
}

// Villages lists the villages where the actor holds perm, in tree order,
// for the pages that ask which village.
func (s *Service) Villages(ctx context.Context, a *auth.Actor, perm auth.Perm) ([]Village, error) {
	var args db.Args
	rows, err := s.DB.QueryContext(ctx, `SELECT id, COALESCE(town_id, 0), CASE WHEN short_name <> '' THEN short_name ELSE name END, path
		FROM orgs WHERE type = 'general_branch' AND `+args.Subtree("path", a.Scope(perm))+` ORDER BY type, town_id, sort_order, id LIMIT 500`,
		args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("democracy: villages: %w", err)
	}
	return db.Collect(rows, func(rows *sql.Rows, v *Village) error { return rows.Scan(&v.ID, &v.TownID, &v.Name, &v.Path) })
}
