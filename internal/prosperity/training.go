package prosperity

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// TrainingKind is one of the seed's four ways of training villagers.
type TrainingKind string

const (
	KindTwoSchools TrainingKind = "two_schools" // “两校”进村
	KindGreenCert  TrainingKind = "green_cert"  // “绿色证书”培训
	KindDistance   TrainingKind = "distance"    // 远程教育站点辅导
	KindTechVisit  TrainingKind = "tech_visit"  // 科技下乡
)

// TrainingKinds in the seed's order.
var TrainingKinds = []TrainingKind{KindTwoSchools, KindGreenCert, KindDistance, KindTechVisit}

// Valid reports whether k is one of the four.
func (k TrainingKind) Valid() bool { return slices.Contains(TrainingKinds, k) }

// Training is a course of one kind in a village, with the skill it
// teaches; Certifies says completing it gives a certificate (绿色证书),
// whose holder is a 科技明白人.
type Training struct {
	ID          int64        `json:"id"`
	TownID      int64        `json:"town_id"`
	VillageID   int64        `json:"village_id"`
	VillageName string       `json:"village_name"`
	Kind        TrainingKind `json:"kind"`
	Title       string       `json:"title"`
	Trainer     string       `json:"trainer"`
	Skill       string       `json:"skill"`
	Certifies   bool         `json:"certifies"`
	StartedOn   day.Day      `json:"started_on"`
	Sessions    int          `json:"sessions"`
	Attendees   int          `json:"attendees"` // residents at one session or more
	Completed   int          `json:"completed"` // residents who earned the skill
	Path        string       `json:"-"`
}

// Session is one dated meeting of a training.
type Session struct {
	ID         int64   `json:"id"`
	TrainingID int64   `json:"training_id"`
	HeldOn     day.Day `json:"held_on"`
	Topic      string  `json:"topic"`
	Hours      int     `json:"hours"`
	Present    int     `json:"present"`
}

// Attendee is a resident on a training's list.
type Attendee struct {
	ResidentID    int64   `json:"resident_id"`
	Name          string  `json:"name"`
	HouseholdCode string  `json:"household_code"`
	Sessions      int     `json:"sessions"`
	EarnedOn      day.Day `json:"earned_on"`
	Certificate   string  `json:"certificate_no,omitempty"`
}

// TrainingView is a training with its sessions and attendees.
type TrainingView struct {
	Training  Training   `json:"training"`
	Sessions  []Session  `json:"sessions"`
	Attendees []Attendee `json:"attendees"`
}

// NewTraining is a training to register.
type NewTraining struct {
	VillageID int64
	Kind      TrainingKind
	Title     string
	Trainer   string
	Skill     string
	Certifies bool
	StartedOn day.Day
}

// CreateTraining registers a training in a village (prosperity.write).
func (s *Service) CreateTraining(ctx context.Context, a *auth.Actor, in NewTraining) (Training, error) {
	var t Training
	today := day.Today(s.Clock)
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.VillageID, auth.PermProsperity)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		if !in.Kind.Valid() {
			f.Add("kind", "training.kind_unknown", nil)
		}
		in.Title = apperr.Text(f, "title", in.Title, 100, true)
		in.Trainer = apperr.Text(f, "trainer", in.Trainer, 100, true)
		in.Skill = apperr.Text(f, "skill", in.Skill, 50, true)
		if in.StartedOn.IsZero() {
			f.Add("started_on", "error.date_required", nil)
		} else if in.StartedOn.After(today.AddMonths(12)) {
			f.Add("started_on", "training.too_far", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO trainings(town_id, village_id, kind, title, trainer, skill, certifies,
			started_on, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			v.TownID, v.ID, in.Kind, in.Title, in.Trainer, in.Skill, in.Certifies, in.StartedOn, a.UserRef(),
			s.Clock.Now()).Scan(&id); err != nil {
			return err
		}
		if t, err = loadTraining(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "training.create", Entity: "training",
			EntityID: t.ID, OrgID: v.ID, After: t})
	})
	return t, err
}

const trainingColumns = `t.id, t.town_id, t.village_id, COALESCE(NULLIF(v.short_name, ''), v.name), t.kind, t.title, t.trainer,
	t.skill, t.certifies, t.started_on, v.path,
	(SELECT COUNT(*) FROM training_sessions x WHERE x.training_id = t.id),
	(SELECT COUNT(DISTINCT a.resident_id) FROM training_attendance a JOIN training_sessions x ON x.id = a.session_id WHERE x.training_id = t.id),
	(SELECT COUNT(*) FROM resident_skills k WHERE k.training_id = t.id)`

func scanTraining(r interface{ Scan(...any) error }, t *Training) error {
	return r.Scan(&t.ID, &t.TownID, &t.VillageID, &t.VillageName, &t.Kind, &t.Title, &t.Trainer, &t.Skill, &t.Certifies,
		&t.StartedOn, &t.Path, &t.Sessions, &t.Attendees, &t.Completed)
}

func loadTraining(ctx context.Context, q db.Queryer, id int64) (Training, error) {
	var t Training
	err := scanTraining(q.QueryRowContext(ctx, `SELECT `+trainingColumns+` FROM trainings t JOIN orgs v ON v.id = t.village_id
		WHERE t.id = $1`, id), &t)
	if errors.Is(err, sql.ErrNoRows) {
		return t, apperr.NotFound()
	}
	if err != nil {
		return t, fmt.Errorf("prosperity: load training %d: %w", id, err)
	}
	return t, nil
}

func trainingFor(ctx context.Context, q db.Queryer, a *auth.Actor, id int64, change auth.Perm) (Training, error) {
	t, err := loadTraining(ctx, q, id)
	if err != nil {
		return t, err
	}
	return t, a.Decide(auth.PermPeopleRead, change, t.Path)
}

// NewSession is a session held, with who attended.
type NewSession struct {
	TrainingID  int64
	HeldOn      day.Day
	Topic       string
	Hours       int
	ResidentIDs []int64
}

// RecordSession records a session of a training and its attendance
// (prosperity.write). Attendees are residents of the training's village;
// an id outside it answers like a made-up one.
func (s *Service) RecordSession(ctx context.Context, a *auth.Actor, in NewSession) (Session, error) {
	var out Session
	today := day.Today(s.Clock)
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		t, err := trainingFor(ctx, tx, a, in.TrainingID, auth.PermProsperity)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		switch {
		case in.HeldOn.IsZero():
			f.Add("held_on", "error.date_required", nil)
		case in.HeldOn.After(today):
			f.Add("held_on", "training.date_future", apperr.Params{"today": today.String()})
		case in.HeldOn.Before(t.StartedOn):
			f.Add("held_on", "training.before_start", apperr.Params{"started": t.StartedOn.String()})
		}
		in.Topic = apperr.Text(f, "topic", in.Topic, 100, true)
		if in.Hours < 1 || in.Hours > 24 {
			f.Add("hours", "training.hours_range", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		if err := inVillage(ctx, tx, "residents", "resident_ids", t.VillageID, in.ResidentIDs); err != nil {
			return err
		}
		out = Session{TrainingID: t.ID, HeldOn: in.HeldOn, Topic: in.Topic, Hours: in.Hours, Present: len(in.ResidentIDs)}
		if err := tx.QueryRowContext(ctx, `INSERT INTO training_sessions(training_id, held_on, topic, hours, created_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, t.ID, in.HeldOn, in.Topic, in.Hours, s.Clock.Now()).Scan(&out.ID); err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO training_attendance(session_id, resident_id) VALUES ($1, $2)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, r := range in.ResidentIDs {
			if _, err := stmt.ExecContext(ctx, out.ID, r); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "training.session", Entity: "training_session",
			EntityID: out.ID, OrgID: t.VillageID, After: sessionAudit{out, t.Title, in.ResidentIDs}})
	})
	return out, err
}

// sessionAudit is how the log shows a session.
type sessionAudit struct {
	Session
	Title     string  `json:"title"`
	Residents []int64 `json:"resident_ids"`
}

// RuleNotAttended: a skill is earned by attending the training.
const RuleNotAttended = "training.not_attended"

// Complete records that residents finished a training on a day: each
// earns its skill and, where the training certifies, a certificate
// numbered in the training (prosperity.write). Only residents who
// attended a session may complete (training.not_attended); a skill
// already held is kept as first earned.
func (s *Service) Complete(ctx context.Context, a *auth.Actor, trainingID int64, residentIDs []int64, on day.Day) (int, error) {
	n := 0
	today := day.Today(s.Clock)
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		t, err := trainingFor(ctx, tx, a, trainingID, auth.PermProsperity)
		if err != nil {
			return err
		}
		if on.IsZero() || on.After(today) {
			return apperr.Invalid("earned_on", "training.date_future", apperr.Params{"today": today.String()})
		}
		if err := inVillage(ctx, tx, "residents", "resident_ids", t.VillageID, residentIDs); err != nil {
			return err
		}
		var args db.Args
		tid := args.Add(t.ID)
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT a.resident_id FROM training_attendance a
			JOIN training_sessions x ON x.id = a.session_id WHERE x.training_id = `+tid+` AND a.resident_id IN (`+
			db.InList(&args, residentIDs)+`)`, args.Values()...)
		if err != nil {
			return err
		}
		came, err := db.Collect(rows, func(r *sql.Rows, id *int64) error { return r.Scan(id) })
		if err != nil {
			return err
		}
		var absent []string
		for _, id := range residentIDs {
			if !slices.Contains(came, id) {
				var name string
				if err := tx.QueryRowContext(ctx, `SELECT name FROM residents WHERE id = $1`, id).Scan(&name); err != nil {
					return err
				}
				absent = append(absent, name)
			}
		}
		if len(absent) > 0 {
			return apperr.Rule(RuleNotAttended, apperr.Params{"names": joinNames(absent), "n": len(absent), "title": t.Title})
		}
		var issued int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM resident_skills WHERE training_id = $1`, t.ID).Scan(&issued); err != nil {
			return err
		}
		for _, id := range residentIDs {
			cert := ""
			if t.Certifies {
				cert = fmt.Sprintf("%d-%d-%04d", on.Year(), t.ID, issued+n+1)
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO resident_skills(resident_id, skill, training_id, earned_on, certificate_no)
				VALUES ($1, $2, $3, $4, $5) ON CONFLICT (resident_id, skill) DO NOTHING`, id, t.Skill, t.ID, on, cert)
			if err != nil {
				return err
			}
			if k, _ := res.RowsAffected(); k > 0 {
				n++
			}
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "training.complete", Entity: "training",
			EntityID: t.ID, OrgID: t.VillageID, After: completeAudit{t.Title, t.Skill, on, residentIDs, n}})
	})
	return n, err
}

// completeAudit is how the log shows a completion.
type completeAudit struct {
	Title     string  `json:"title"`
	Skill     string  `json:"skill"`
	EarnedOn  day.Day `json:"earned_on"`
	Residents []int64 `json:"resident_ids"`
	Earned    int     `json:"earned"`
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += "、"
		}
		out += n
	}
	return out
}

// Training is one training with its sessions and attendees.
func (s *Service) Training(ctx context.Context, a *auth.Actor, id int64) (TrainingView, error) {
	var v TrainingView
	t, err := trainingFor(ctx, s.DB, a, id, "")
	if err != nil {
		return v, err
	}
	v.Training = t
	rows, err := s.DB.QueryContext(ctx, `SELECT x.id, x.training_id, x.held_on, x.topic, x.hours,
		(SELECT COUNT(*) FROM training_attendance a WHERE a.session_id = x.id)
		FROM training_sessions x WHERE x.training_id = $1 ORDER BY x.training_id, x.held_on, x.id LIMIT 500`, id)
	if err != nil {
		return v, fmt.Errorf("prosperity: sessions: %w", err)
	}
	if v.Sessions, err = db.Collect(rows, func(r *sql.Rows, x *Session) error {
		return r.Scan(&x.ID, &x.TrainingID, &x.HeldOn, &x.Topic, &x.Hours, &x.Present)
	}); err != nil {
		return v, err
	}
	rows, err = s.DB.QueryContext(ctx, `SELECT r.id, r.name, h.code, COUNT(*),
		(SELECT k.earned_on FROM resident_skills k WHERE k.resident_id = r.id AND k.training_id = $1),
		COALESCE((SELECT k.certificate_no FROM resident_skills k WHERE k.resident_id = r.id AND k.training_id = $1), '')
		FROM training_attendance a JOIN training_sessions x ON x.id = a.session_id
		JOIN residents r ON r.id = a.resident_id JOIN households h ON h.id = r.household_id
		WHERE x.training_id = $1 GROUP BY r.id, r.name, h.code ORDER BY h.code, r.name, r.id LIMIT 2000`, id)
	if err != nil {
		return v, fmt.Errorf("prosperity: attendees: %w", err)
	}
	v.Attendees, err = db.Collect(rows, func(r *sql.Rows, x *Attendee) error {
		return r.Scan(&x.ResidentID, &x.Name, &x.HouseholdCode, &x.Sessions, &x.EarnedOn, &x.Certificate)
	})
	return v, err
}

// TrainingFilter selects trainings: of a village, else of a town.
type TrainingFilter struct {
	VillageID int64
	TownID    int64
	Before    int64 // keyset: trainings listed after this one (newest first)
	Limit     int
}

// ListTrainings lists trainings newest first (people.read).
func (s *Service) ListTrainings(ctx context.Context, a *auth.Actor, f TrainingFilter) ([]Training, error) {
	var args db.Args
	var where, order string
	if f.VillageID != 0 {
		v, err := villageFor(ctx, s.DB, a, f.VillageID, "")
		if err != nil {
			return nil, err
		}
		where, order = `t.village_id = `+args.Add(v.ID), `t.village_id DESC, t.started_on DESC, t.id DESC`
	} else {
		t, err := areaFor(ctx, s.DB, a, f.TownID)
		if err != nil {
			return nil, err
		}
		if t.Type != "town" {
			return nil, apperr.Invalid("town_id", "prosperity.not_town", nil)
		}
		where, order = `t.town_id = `+args.Add(t.ID), `t.town_id DESC, t.started_on DESC, t.id DESC`
	}
	if f.Before != 0 {
		b, err := trainingFor(ctx, s.DB, a, f.Before, "")
		if err != nil {
			return nil, err
		}
		where += ` AND (t.started_on < ` + args.Add(b.StartedOn) + ` OR (t.started_on = ` + args.Add(b.StartedOn) +
			` AND t.id < ` + args.Add(b.ID) + `))`
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+trainingColumns+` FROM trainings t JOIN orgs v ON v.id = t.village_id
		WHERE `+where+` ORDER BY `+order+` LIMIT `+args.Add(db.Limit(f.Limit, 50, 200)), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("prosperity: trainings: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, t *Training) error { return scanTraining(r, t) })
}

// TrainingsOfVillage is a village's latest trainings, for other
// programmes' pages (the 教育培训中心 and 科技推广中心).
func (s *Service) TrainingsOfVillage(ctx context.Context, a *auth.Actor, villageID int64, limit int) ([]Training, error) {
	return s.ListTrainings(ctx, a, TrainingFilter{VillageID: villageID, Limit: limit})
}

// Person is a resident offered on an attendance list.
type Person struct {
	ID            int64  `json:"id"`
	Name          string `json:"name"`
	HouseholdCode string `json:"household_code"`
}

// Adults lists a village's residents aged 18 or more, by household, for
// the attendance list of its trainings (people.read).
func (s *Service) Adults(ctx context.Context, a *auth.Actor, villageID int64) ([]Person, error) {
	v, err := villageFor(ctx, s.DB, a, villageID, "")
	if err != nil {
		return nil, err
	}
	adult := day.Of(day.Today(s.Clock).Time().AddDate(-18, 0, 0))
	rows, err := s.DB.QueryContext(ctx, `SELECT r.id, r.name, h.code FROM residents r JOIN households h ON h.id = r.household_id
		JOIN orgs o ON o.id = r.org_id WHERE `+villageOfSQL+` = $1 AND r.birth_date <= $2 ORDER BY h.code, r.id LIMIT 5000`, v.ID, adult)
	if err != nil {
		return nil, fmt.Errorf("prosperity: adults: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, p *Person) error { return r.Scan(&p.ID, &p.Name, &p.HouseholdCode) })
}
