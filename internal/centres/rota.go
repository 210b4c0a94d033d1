package centres

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// ReceptionDay is one 村干部接待日: which cadre receives villagers when.
type ReceptionDay struct {
	ID    int64   `json:"id"`
	OrgID int64   `json:"org_id"`
	On    day.Day `json:"on"`
	Cadre string  `json:"cadre"`
	Note  string  `json:"note,omitempty"`
}

// NewReceptionDay is the input of PlanReceptionDay.
type NewReceptionDay struct {
	OrgID int64
	On    day.Day
	Cadre string
	Note  string
}

// PlanReceptionDay puts a cadre on the village's 接待日 rota (centres.write);
// the rota is a plan, so the day may be ahead. A cadre is on a day once
// (rule rota.once).
func (s *Service) PlanReceptionDay(ctx context.Context, a *auth.Actor, in NewReceptionDay) (ReceptionDay, error) {
	var out ReceptionDay
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermCentresRead, auth.PermCentresWrite)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		in.Cadre = apperr.Text(f, "cadre", in.Cadre, 50, true)
		in.Note = apperr.Text(f, "note", in.Note, 200, false)
		if in.On.IsZero() {
			f.Add("on", "error.required", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM centre_reception_days WHERE org_id = $1 AND on_day = $2 AND cadre = $3`,
			v.ID, in.On, in.Cadre).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return apperr.Rule("rota.once", apperr.Params{"cadre": in.Cadre, "date": in.On})
		}
		out = ReceptionDay{OrgID: v.ID, On: in.On, Cadre: in.Cadre, Note: in.Note}
		if err := tx.QueryRowContext(ctx, `INSERT INTO centre_reception_days(town_id, org_id, on_day, cadre, note)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, db.NullID(v.TownID), v.ID, out.On, out.Cadre, out.Note).Scan(&out.ID); err != nil {
			return err
		}
		return s.record(ctx, tx, a, "rota.plan", "centre_reception_day", out.ID, v.ID, nil,
			map[string]any{"cadre": out.Cadre, "on": out.On})
	})
	return out, err
}

// Rota lists a village's 接待日 from a day on, in date order.
func (s *Service) Rota(ctx context.Context, a *auth.Actor, villageID int64, from day.Day, limit int) ([]ReceptionDay, error) {
	v, err := villageFor(ctx, s.DB, a, villageID, auth.PermCentresRead, "")
	if err != nil {
		return nil, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT id, org_id, on_day, cadre, note FROM centre_reception_days
		WHERE org_id = $1 AND on_day >= $2 ORDER BY on_day, id LIMIT `+strconv.Itoa(db.Limit(limit, 50, 200)), v.ID, from)
	if err != nil {
		return nil, fmt.Errorf("centres: rota: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, x *ReceptionDay) error {
		return r.Scan(&x.ID, &x.OrgID, &x.On, &x.Cadre, &x.Note)
	})
}

// EnterpriseNote is one 村企信息共享 note between the village and an
// enterprise (named for now; the prosperity programme's enterprises
// later).
type EnterpriseNote struct {
	ID         int64   `json:"id"`
	OrgID      int64   `json:"org_id"`
	Enterprise string  `json:"enterprise"`
	NotedOn    day.Day `json:"noted_on"`
	Note       string  `json:"note"`
}

// NewEnterpriseNote is the input of AddEnterpriseNote.
type NewEnterpriseNote struct {
	OrgID      int64
	Enterprise string
	NotedOn    day.Day
	Note       string
}

// AddEnterpriseNote records a 村企信息共享 note (centres.write).
func (s *Service) AddEnterpriseNote(ctx context.Context, a *auth.Actor, in NewEnterpriseNote) (EnterpriseNote, error) {
	var out EnterpriseNote
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermCentresRead, auth.PermCentresWrite)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		in.Enterprise = apperr.Text(f, "enterprise", in.Enterprise, 100, true)
		in.Note = apperr.Prose(f, "note", in.Note, 2000, true)
		if in.NotedOn.IsZero() {
			f.Add("noted_on", "error.required", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		if err := notFuture("noted_on", in.NotedOn, s.today()); err != nil {
			return err
		}
		out = EnterpriseNote{OrgID: v.ID, Enterprise: in.Enterprise, NotedOn: in.NotedOn, Note: in.Note}
		if err := tx.QueryRowContext(ctx, `INSERT INTO centre_enterprise_notes(town_id, org_id, enterprise, noted_on, note, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, db.NullID(v.TownID), v.ID, out.Enterprise, out.NotedOn, out.Note,
			s.Clock.Now()).Scan(&out.ID); err != nil {
			return err
		}
		return s.record(ctx, tx, a, "enterprise_note.add", "centre_enterprise_note", out.ID, v.ID, nil,
			map[string]any{"enterprise": out.Enterprise, "noted_on": out.NotedOn})
	})
	return out, err
}

// EnterpriseNotes lists a village's notes, newest first.
func (s *Service) EnterpriseNotes(ctx context.Context, a *auth.Actor, villageID int64, limit int) ([]EnterpriseNote, error) {
	v, err := villageFor(ctx, s.DB, a, villageID, auth.PermCentresRead, "")
	if err != nil {
		return nil, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT id, org_id, enterprise, noted_on, note FROM centre_enterprise_notes
		WHERE org_id = $1 ORDER BY noted_on DESC, id DESC LIMIT `+strconv.Itoa(db.Limit(limit, 50, 200)), v.ID)
	if err != nil {
		return nil, fmt.Errorf("centres: enterprise notes: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, x *EnterpriseNote) error {
		return r.Scan(&x.ID, &x.OrgID, &x.Enterprise, &x.NotedOn, &x.Note)
	})
}
