package centres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// Activity is a cultural activity held by the village's 文化活动中心.
type Activity struct {
	ID         int64   `json:"id"`
	Title      string  `json:"title"`
	HeldOn     day.Day `json:"held_on"`
	Place      string  `json:"place,omitempty"`
	Attendance int     `json:"attendance"`
}

// NewActivity is the input of RecordActivity.
type NewActivity struct {
	OrgID      int64
	Title      string
	HeldOn     day.Day
	Place      string
	Attendance int
}

// RecordActivity records an activity held, with how many took part
// (centres.write over the village).
func (s *Service) RecordActivity(ctx context.Context, a *auth.Actor, in NewActivity) (Activity, error) {
	var out Activity
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermCentresRead, auth.PermCentresWrite)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		in.Title = apperr.Text(f, "title", in.Title, 100, true)
		in.Place = apperr.Text(f, "place", in.Place, 100, false)
		if in.Attendance < 1 || in.Attendance > 100000 {
			f.Add("attendance", "culture.attendance_bad", nil)
		}
		if in.HeldOn.IsZero() {
			f.Add("held_on", "error.required", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		if err := notFuture("held_on", in.HeldOn, s.today()); err != nil {
			return err
		}
		out = Activity{Title: in.Title, HeldOn: in.HeldOn, Place: in.Place, Attendance: in.Attendance}
		if err := tx.QueryRowContext(ctx, `INSERT INTO culture_activities(town_id, org_id, title, held_on, place, attendance, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, db.NullID(v.TownID), v.ID, out.Title, out.HeldOn, out.Place,
			out.Attendance, s.Clock.Now()).Scan(&out.ID); err != nil {
			return err
		}
		return s.record(ctx, tx, a, "activity.record", "culture_activity", out.ID, v.ID, nil,
			map[string]any{"title": out.Title, "held_on": out.HeldOn, "attendance": out.Attendance})
	})
	return out, err
}

// CultureKinds are 文化活动户 and the three kinds of talent.
var CultureKinds = []string{"household", "performer", "folk_artist", "heritage_bearer"}

// CulturePerson is a 文化活动户 or a talent of the village.
type CulturePerson struct {
	ID         int64  `json:"id"`
	ResidentID int64  `json:"resident_id"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Speciality string `json:"speciality"`
}

// AddCulturePerson records a resident of the village as a 文化活动户 or a
// talent, once per kind (rule culture.once).
func (s *Service) AddCulturePerson(ctx context.Context, a *auth.Actor, orgID, residentID int64, kind, speciality string) (CulturePerson, error) {
	var out CulturePerson
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, orgID, auth.PermCentresRead, auth.PermCentresWrite)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		if !slices.Contains(CultureKinds, kind) {
			f.Add("kind", "centres.choose", nil)
		}
		speciality = apperr.Text(f, "speciality", speciality, 100, true)
		r, err := residentIn(ctx, tx, a, f, "resident_id", residentID, v)
		if err != nil {
			return err
		}
		if err := f.Err(); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM culture_people WHERE resident_id = $1 AND kind = $2`, r.ID, kind).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return apperr.Rule("culture.once", apperr.Params{"name": r.Name, "kind": msgKey("culture.kind." + kind)})
		}
		out = CulturePerson{ResidentID: r.ID, Name: r.Name, Kind: kind, Speciality: speciality}
		if err := tx.QueryRowContext(ctx, `INSERT INTO culture_people(town_id, org_id, resident_id, kind, speciality, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, db.NullID(v.TownID), v.ID, r.ID, kind, speciality, s.Clock.Now()).Scan(&out.ID); err != nil {
			return err
		}
		return s.record(ctx, tx, a, "culture_person.add", "culture_person", out.ID, v.ID, nil,
			map[string]any{"name": r.Name, "kind": kind, "speciality": speciality})
	})
	return out, err
}

// RulesVersion is one adopted version of the 村规民约.
type RulesVersion struct {
	ID        int64   `json:"id"`
	Version   int     `json:"version"`
	AdoptedOn day.Day `json:"adopted_on"`
	Body      string  `json:"body"`
}

// AdoptRules records a new version of the village's 村规民约: the next
// number, adopted on or after the last version (rule rules.after_last).
// Earlier versions stay as they were.
func (s *Service) AdoptRules(ctx context.Context, a *auth.Actor, orgID int64, adoptedOn day.Day, body string) (RulesVersion, error) {
	var out RulesVersion
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, orgID, auth.PermCentresRead, auth.PermCentresWrite)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		body = apperr.Prose(f, "body", body, 50000, true)
		if adoptedOn.IsZero() {
			f.Add("adopted_on", "error.required", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		if err := notFuture("adopted_on", adoptedOn, s.today()); err != nil {
			return err
		}
		var last RulesVersion
		err = tx.QueryRowContext(ctx, `SELECT version, adopted_on FROM village_rules WHERE org_id = $1 ORDER BY version DESC LIMIT 1`,
			v.ID).Scan(&last.Version, &last.AdoptedOn)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if adoptedOn.Before(last.AdoptedOn) {
			return apperr.Rule("rules.after_last", apperr.Params{"version": last.Version, "date": last.AdoptedOn})
		}
		out = RulesVersion{Version: last.Version + 1, AdoptedOn: adoptedOn, Body: body}
		if err := tx.QueryRowContext(ctx, `INSERT INTO village_rules(town_id, org_id, version, adopted_on, body, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, db.NullID(v.TownID), v.ID, out.Version, adoptedOn, body,
			s.Clock.Now()).Scan(&out.ID); err != nil {
			return err
		}
		return s.record(ctx, tx, a, "rules.adopt", "village_rules", out.ID, v.ID, nil,
			map[string]any{"version": out.Version, "adopted_on": adoptedOn})
	})
	return out, err
}

// CulturePage is what the 文化活动中心 page shows besides its leaders.
type CulturePage struct {
	Activities []Activity      `json:"activities"`
	People     []CulturePerson `json:"people"`
	Rules      []RulesVersion  `json:"rules"` // newest version first
	Books      []Book          `json:"books"`
	Loans      []Loan          `json:"loans"` // open loans, the overdue first
}

// Culture reads a village's culture records for a reader of its centres.
func (s *Service) Culture(ctx context.Context, a *auth.Actor, villageID int64) (CulturePage, error) {
	v, err := villageFor(ctx, s.DB, a, villageID, auth.PermCentresRead, "")
	if err != nil {
		return CulturePage{}, err
	}
	var p CulturePage
	rows, err := s.DB.QueryContext(ctx, `SELECT id, title, held_on, place, attendance FROM culture_activities WHERE org_id = $1
		ORDER BY held_on DESC, id DESC LIMIT 20`, v.ID)
	if err != nil {
		return p, fmt.Errorf("centres: activities: %w", err)
	}
	if p.Activities, err = db.Collect(rows, func(r *sql.Rows, x *Activity) error {
		return r.Scan(&x.ID, &x.Title, &x.HeldOn, &x.Place, &x.Attendance)
	}); err != nil {
		return p, err
	}
	rows, err = s.DB.QueryContext(ctx, `SELECT c.id, c.resident_id, r.name, c.kind, c.speciality FROM culture_people c
		JOIN residents r ON r.id = c.resident_id WHERE c.org_id = $1 ORDER BY c.kind, c.id LIMIT 500`, v.ID)
	if err != nil {
		return p, fmt.Errorf("centres: culture people: %w", err)
	}
	if p.People, err = db.Collect(rows, func(r *sql.Rows, x *CulturePerson) error {
		return r.Scan(&x.ID, &x.ResidentID, &x.Name, &x.Kind, &x.Speciality)
	}); err != nil {
		return p, err
	}
	rows, err = s.DB.QueryContext(ctx, `SELECT id, version, adopted_on, body FROM village_rules WHERE org_id = $1
		ORDER BY version DESC LIMIT 50`, v.ID)
	if err != nil {
		return p, fmt.Errorf("centres: village rules: %w", err)
	}
	if p.Rules, err = db.Collect(rows, func(r *sql.Rows, x *RulesVersion) error {
		return r.Scan(&x.ID, &x.Version, &x.AdoptedOn, &x.Body)
	}); err != nil {
		return p, err
	}
	if p.Books, err = s.books(ctx, v.ID); err != nil {
		return p, err
	}
	p.Loans, err = s.openLoans(ctx, area{col: "org_id", id: v.ID}, 200)
	return p, err
}
