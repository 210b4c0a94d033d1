package finance

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// Village is the organisation whose books a record belongs to: a
// 村(社区)党总支, the village's organisation in the tree.
type Village struct {
	ID     int64  `json:"id"`
	TownID int64  `json:"town_id"`
	Name   string `json:"name"`
	Path   string `json:"-"`
}

const villageType = "general_branch"

// loadVillage reads an organisation that keeps books; any other
// organisation is refused as a field error on org_id.
func loadVillage(ctx context.Context, q db.Queryer, id int64) (Village, error) {
	var v Village
	var typ string
	err := q.QueryRowContext(ctx, `SELECT id, COALESCE(town_id, 0), name, type, path FROM orgs WHERE id = $1`, id).
		Scan(&v.ID, &v.TownID, &v.Name, &typ, &v.Path)
	if errors.Is(err, sql.ErrNoRows) {
		return v, apperr.NotFound()
	}
	if err != nil {
		return v, fmt.Errorf("finance: load organisation %d: %w", id, err)
	}
	if typ != villageType {
		return v, apperr.Invalid("org_id", "finance.not_village", nil)
	}
	return v, nil
}

// villageFor loads a village and decides the actor's scope over it: read
// with finance.read, change with the given permission ("" for a read).
func villageFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (Village, error) {
	var path string
	err := q.QueryRowContext(ctx, `SELECT path FROM orgs WHERE id = $1`, id).Scan(&path)
	if errors.Is(err, sql.ErrNoRows) {
		return Village{}, apperr.NotFound()
	}
	if err != nil {
		return Village{}, fmt.Errorf("finance: load organisation %d: %w", id, err)
	}
	// Decide before saying anything about the organisation's type, so an
	// id outside the actor's sight answers as one that does not exist.
	if err := a.Decide(auth.PermFinanceRead, change, path); err != nil {
		return Village{}, err
	}
	return loadVillage(ctx, q, id)
}

// Villages lists the villages whose books the actor may read, town by town in
// the order the tree gives them.
func (s *Service) Villages(ctx context.Context, a *auth.Actor) ([]Village, error) {
	var args db.Args
	cond := "TRUE"
	if a != nil {
		roots := a.Scope(auth.PermFinanceRead)
		if len(roots) == 0 {
			return []Village{}, nil
		}
		cond = args.Subtree("o.path", roots)
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT o.id, COALESCE(o.town_id, 0), o.name, o.path FROM orgs o
		WHERE o.type = `+args.Add(villageType)+` AND `+cond+` ORDER BY o.town_id, o.sort_order, o.id LIMIT 1000`, args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("finance: list villages: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, v *Village) error { return r.Scan(&v.ID, &v.TownID, &v.Name, &v.Path) })
}

// same reports whether the actor is the user id (the system is nobody).
func same(a *auth.Actor, userID int64) bool { return a != nil && userID != 0 && a.UserID == userID }

func utcPtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}

// updateFrom runs an update guarded by the state the use case read (its
// WHERE names that state); when no row matched, another change came first
// and the answer is moved, a conflict.
func updateFrom(ctx context.Context, tx *sql.Tx, moved error, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return moved
	}
	return nil
}
