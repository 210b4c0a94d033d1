package sites

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// scheduleOf is a town's schedule: DefaultSchedule with the town's own
// lines in their place.
func scheduleOf(ctx context.Context, q db.Queryer, townID int64) (Schedule, error) {
	out := slices.Clone(DefaultSchedule)
	rows, err := q.QueryContext(ctx, `SELECT level, kind, amount_fen FROM site_rates WHERE town_id = $1`, townID)
	if err != nil {
		return nil, fmt.Errorf("sites: schedule: %w", err)
	}
	set, err := db.Collect(rows, func(r *sql.Rows, x *Rate) error { return r.Scan(&x.Level, &x.Kind, &x.Amount) })
	if err != nil {
		return nil, err
	}
	for _, r := range set {
		for i := range out {
			if out[i].Level == r.Level && out[i].Kind == r.Kind {
				out[i].Amount = r.Amount
			}
		}
	}
	return out, nil
}

// Schedule is a town's county subsidy schedule.
func (s *Service) Schedule(ctx context.Context, a *auth.Actor, townID int64) (Schedule, error) {
	if _, err := townFor(ctx, s.DB, a, townID, ""); err != nil {
		return nil, err
	}
	return scheduleOf(ctx, s.DB, townID)
}

// SetRate changes one line of a town's schedule (sites.manage over the
// town). Every site without an override follows at once: the amount due
// is computed when read, never stored.
func (s *Service) SetRate(ctx context.Context, a *auth.Actor, townID int64, r Rate) (Schedule, error) {
	var out Schedule
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		town, err := townFor(ctx, tx, a, townID, auth.PermSitesManage)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		if !slices.Contains(Levels, r.Level) {
			f.Add("level", "site.level_unknown", nil)
		}
		if !r.Kind.Valid() {
			f.Add("kind", "site.kind_unknown", nil)
		}
		amountField(f, "amount", r.Amount, true)
		if err := f.Err(); err != nil {
			return err
		}
		before, err := scheduleOf(ctx, tx, town.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO site_rates(town_id, level, kind, amount_fen, updated_at)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT (town_id, level, kind) DO UPDATE SET amount_fen = excluded.amount_fen,
			updated_at = excluded.updated_at`, town.ID, r.Level, r.Kind, r.Amount, s.Clock.Now()); err != nil {
			return err
		}
		if out, err = scheduleOf(ctx, tx, town.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "site.rate", Entity: "site_rate",
			EntityID: town.ID, OrgID: town.ID, Before: rateAudit{town.Name, r.Level, r.Kind, before.Due(r.Level, r.Kind)},
			After: rateAudit{town.Name, r.Level, r.Kind, r.Amount}})
	})
	return out, err
}

// rateAudit is how the log shows a schedule line.
type rateAudit struct {
	Town   string `json:"org_name"`
	Level  Level  `json:"level"`
	Kind   Kind   `json:"kind"`
	Amount Fen    `json:"amount_fen"`
}

// maxAmount bounds typed amounts (a hundred million 元).
const maxAmount = Fen(100_000_000_00)

// amountField checks an amount: not negative, not absurd, and above zero
// when positive is set.
func amountField(f apperr.Fields, field string, v Fen, zeroOK bool) {
	if v < 0 || v > maxAmount || (!zeroOK && v == 0) {
		f.Add(field, "site.amount_range", apperr.Params{"max": maxAmount})
	}
}

// NewPlan is a construction plan to register.
type NewPlan struct {
	TownID   int64
	Year     int
	Title    string
	Declared Fen
}

// CreatePlan registers a town's construction plan with the total
// investment it declares (sites.manage over the town).
func (s *Service) CreatePlan(ctx context.Context, a *auth.Actor, in NewPlan) (Plan, error) {
	var p Plan
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		town, err := townFor(ctx, tx, a, in.TownID, auth.PermSitesManage)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		if in.Year < 2000 || in.Year > s.Clock.Now().Year()+5 {
			f.Add("year", "site.year_range", apperr.Params{"max": s.Clock.Now().Year() + 5})
		}
		in.Title = apperr.Text(f, "title", in.Title, 100, true)
		amountField(f, "declared", in.Declared, true)
		if err := f.Err(); err != nil {
			return err
		}
		p = Plan{TownID: town.ID, Year: in.Year, Title: in.Title, Declared: in.Declared, TownPath: town.Path}
		if err := tx.QueryRowContext(ctx, `INSERT INTO site_plans(town_id, year, title, declared_fen, created_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, town.ID, in.Year, in.Title, in.Declared, s.Clock.Now()).Scan(&p.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "site.plan", Entity: "site_plan",
			EntityID: p.ID, OrgID: town.ID, After: p})
	})
	return p, err
}

func loadPlan(ctx context.Context, q db.Queryer, id int64) (Plan, error) {
	var p Plan
	err := q.QueryRowContext(ctx, `SELECT p.id, p.town_id, p.year, p.title, p.declared_fen, o.path
		FROM site_plans p JOIN orgs o ON o.id = p.town_id WHERE p.id = $1`, id).
		Scan(&p.ID, &p.TownID, &p.Year, &p.Title, &p.Declared, &p.TownPath)
	if errors.Is(err, sql.ErrNoRows) {
		return p, apperr.NotFound()
	}
	return p, err
}

// planFor loads a plan and decides scope over its town.
func planFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (Plan, error) {
	p, err := loadPlan(ctx, q, id)
	if err != nil {
		return p, err
	}
	return p, a.Decide(auth.PermOrgRead, change, p.TownPath)
}

// Plans lists a town's plans, newest first (a town has a handful).
func (s *Service) Plans(ctx context.Context, a *auth.Actor, townID int64) ([]Plan, error) {
	town, err := townFor(ctx, s.DB, a, townID, "")
	if err != nil {
		return nil, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT id, town_id, year, title, declared_fen FROM site_plans
		WHERE town_id = $1 ORDER BY town_id DESC, id DESC LIMIT 100`, town.ID)
	if err != nil {
		return nil, fmt.Errorf("sites: plans: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, p *Plan) error {
		p.TownPath = town.Path
		return r.Scan(&p.ID, &p.TownID, &p.Year, &p.Title, &p.Declared)
	})
}
