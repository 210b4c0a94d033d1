package democracy

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// The composition rules of the 村民代表 (村民委员会组织法 art. 25),
// shown as checks on the roster, never blocking a change.
const (
	RuleRepsHouseholds = "reps.households" // each represents 5 to 15 households
	RuleRepsWomen      = "reps.women"      // women at least one third
	RuleRepsCoverage   = "reps.coverage"   // together they represent the village's households
)

// Composition bounds.
const (
	RepMinHouseholds = 5
	RepMaxHouseholds = 15
)

// Representative is one 村民代表 of a village.
type Representative struct {
	ID         int64   `json:"id"`
	OrgID      int64   `json:"org_id"`
	Name       string  `json:"name"`
	Sex        string  `json:"sex"` // M or F
	Households int     `json:"households"`
	Group      string  `json:"group,omitempty"` // 村民小组
	StartedOn  day.Day `json:"started_on"`
	EndedOn    day.Day `json:"ended_on"`
}

// Check is one composition rule as the roster shows it.
type Check struct {
	Rule   string        `json:"rule"`
	OK     bool          `json:"ok"`
	Params apperr.Params `json:"params"`
}

// RepRoster is a village's representatives serving today with the
// composition checks.
type RepRoster struct {
	Village         Village          `json:"village"`
	Representatives []Representative `json:"representatives"`
	Households      int              `json:"households"` // the registry's households of the village
	Checks          []Check          `json:"checks"`
}

// NewRepresentative is the input of AddRepresentative.
type NewRepresentative struct {
	OrgID      int64
	Name       string
	Sex        string
	Households int
	Group      string
	StartedOn  day.Day
}

// AddRepresentative adds a representative to a village's roster
// (democracy.write over the village).
func (s *Service) AddRepresentative(ctx context.Context, a *auth.Actor, in NewRepresentative) (Representative, error) {
	f := apperr.Fields{}
	in.Name = apperr.Text(f, "name", in.Name, 50, true)
	in.Group = apperr.Text(f, "group", in.Group, 50, false)
	if in.Sex != "M" && in.Sex != "F" {
		f.Add("sex", "democracy.sex_required", nil)
	}
	if in.Households < 1 || in.Households > 1000 {
		f.Add("households", "democracy.households_range", nil)
	}
	today := day.Today(s.Clock)
	if in.StartedOn.IsZero() {
		in.StartedOn = today
	} else if in.StartedOn.After(today) {
		f.Add("started_on", "democracy.date_future", apperr.Params{"today": today.String()})
	}
	if err := f.Err(); err != nil {
		return Representative{}, err
	}
	r := Representative{OrgID: in.OrgID, Name: in.Name, Sex: in.Sex, Households: in.Households, Group: in.Group, StartedOn: in.StartedOn}
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermDemocracyWrite)
		if err != nil {
			return err
		}
		now := s.Clock.Now()
		if err := tx.QueryRowContext(ctx, `INSERT INTO representatives(org_id, town_id, name, sex, households, group_name, started_on, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, v.ID, db.NullID(v.TownID), r.Name, r.Sex, r.Households,
			r.Group, r.StartedOn, now).Scan(&r.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "representative.add", Entity: "representative",
			EntityID: r.ID, OrgID: v.ID, After: r})
	})
	return r, err
}

// EndRepresentative ends a representative's service on a day.
func (s *Service) EndRepresentative(ctx context.Context, a *auth.Actor, id int64, on day.Day) error {
	today := day.Today(s.Clock)
	if on.IsZero() {
		on = today
	}
	return s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var r Representative
		err := tx.QueryRowContext(ctx, `SELECT id, org_id, name, started_on, ended_on FROM representatives WHERE id = $1`, id).
			Scan(&r.ID, &r.OrgID, &r.Name, &r.StartedOn, &r.EndedOn)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.NotFound()
		}
		if err != nil {
			return err
		}
		if _, err := villageFor(ctx, tx, a, r.OrgID, auth.PermDemocracyWrite); err != nil {
			return err
		}
		if !r.EndedOn.IsZero() {
			return apperr.Conflict("democracy.rep_ended", apperr.Params{"date": r.EndedOn.String()})
		}
		if on.Before(r.StartedOn) || on.After(today) {
			return apperr.Invalid("ended_on", "democracy.date_range", apperr.Params{"from": r.StartedOn.String(), "to": today.String()})
		}
		if _, err := tx.ExecContext(ctx, `UPDATE representatives SET ended_on = $1 WHERE id = $2`, on, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "representative.end", Entity: "representative",
			EntityID: id, OrgID: r.OrgID, Before: r, After: map[string]any{"name": r.Name, "ended_on": on}})
	})
}

// Representatives is a village's roster today with its checks
// (democracy.read over the village).
func (s *Service) Representatives(ctx context.Context, a *auth.Actor, orgID int64) (RepRoster, error) {
	v, err := villageFor(ctx, s.DB, a, orgID, "")
	if err != nil {
		return RepRoster{}, err
	}
	today := day.Today(s.Clock)
	reps, err := representativesOn(ctx, s.DB, v.ID, today)
	if err != nil {
		return RepRoster{}, err
	}
	t, err := villagers(ctx, s.DB, v, today)
	if err != nil {
		return RepRoster{}, err
	}
	return RepRoster{Village: v, Representatives: reps, Households: t.ExpectedHouseholds,
		Checks: compositionChecks(reps, t.ExpectedHouseholds)}, nil
}

// compositionChecks are the law's composition rules over a roster.
func compositionChecks(reps []Representative, households int) []Check {
	var outside []string
	women, covered := 0, 0
	for _, r := range reps {
		if r.Households < RepMinHouseholds || r.Households > RepMaxHouseholds {
			outside = append(outside, r.Name)
		}
		if r.Sex == "F" {
			women++
		}
		covered += r.Households
	}
	n := len(reps)
	names := ""
	for i, o := range outside {
		if i > 0 {
			names += "、"
		}
		names += o
	}
	needWomen := (n + 2) / 3
	return []Check{
		{Rule: RuleRepsHouseholds, OK: len(outside) == 0, Params: apperr.Params{"min": RepMinHouseholds,
			"max": RepMaxHouseholds, "names": names, "n": len(outside)}},
		{Rule: RuleRepsWomen, OK: n > 0 && women >= needWomen, Params: apperr.Params{"women": women, "total": n, "need": needWomen}},
		{Rule: RuleRepsCoverage, OK: covered >= households, Params: apperr.Params{"covered": covered, "households": households}},
	}
}

// representativesOn lists the representatives serving on day on.
func representativesOn(ctx context.Context, q db.Queryer, orgID int64, on day.Day) ([]Representative, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, org_id, name, sex, households, group_name, started_on, ended_on
		FROM representatives WHERE org_id = $1 AND started_on <= $2 AND (ended_on IS NULL OR ended_on > $2)
		ORDER BY org_id, id`, orgID, on)
	if err != nil {
		return nil, fmt.Errorf("democracy: representatives: %w", err)
	}
	return db.Collect(rows, func(rows *sql.Rows, r *Representative) error {
		return rows.Scan(&r.ID, &r.OrgID, &r.Name, &r.Sex, &r.Households, &r.Group, &r.StartedOn, &r.EndedOn)
	})
}
