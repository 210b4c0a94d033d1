package survey

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/org"
)

// Service is the credibility survey's use cases.
type Service struct {
	DB    *db.DB
	Clock db.Clock
	Org   *org.Service // the 两委 a new survey rates
}

// NewService builds the service.
func NewService(d *db.DB, clock db.Clock, o *org.Service) *Service {
	return &Service{DB: d, Clock: clock, Org: o}
}

// village is the organisation a survey belongs to.
type village struct {
	ID     int64
	TownID int64
	Type   org.Type
	Name   string
	Path   string
}

// loadVillage loads an organisation named in the input and decides the
// actor's scope on it: outside survey.read it does not exist.
func loadVillage(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (village, error) {
	var v village
	err := q.QueryRowContext(ctx, `SELECT id, COALESCE(town_id, 0), type, name, path FROM orgs WHERE id = $1`, id).
		Scan(&v.ID, &v.TownID, &v.Type, &v.Name, &v.Path)
	if errors.Is(err, sql.ErrNoRows) {
		return v, apperr.NotFound()
	}
	if err != nil {
		return v, fmt.Errorf("survey: load org %d: %w", id, err)
	}
	return v, a.Decide(auth.PermSurveyRead, change, v.Path)
}
