package centres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/money"
)

// The two registers: key groups (重点人群, 民事调解中心) and vulnerable
// groups (弱势群体, 为民服务中心).
const (
	RegisterKey        = "key"
	RegisterVulnerable = "vulnerable"
)

// RegisterCategories are each register's categories.
var RegisterCategories = map[string][]string{
	RegisterKey:        {"petitioner", "released", "idle"},                              // 上访人员, 刑释解教人员, 社会闲散人员
	RegisterVulnerable: {"left_behind_child", "lonely_elderly", "hardship", "disabled"}, // 留守儿童, 孤寡人员, 困难人员, 残疾人员
}

// Registers in page order.
var Registers = []string{RegisterKey, RegisterVulnerable}

// ValidRegister reports a known register.
func ValidRegister(r string) bool { _, ok := RegisterCategories[r]; return ok }

// Entry is a resident on a register, with the next planned visit.
type Entry struct {
	ID         int64   `json:"id"`
	OrgID      int64   `json:"org_id"`
	Village    string  `json:"village"`
	OrgPath    string  `json:"-"`
	ResidentID int64   `json:"resident_id"`
	Name       string  `json:"name"`
	Register   string  `json:"register"`
	Category   string  `json:"category"`
	Since      day.Day `json:"since"`
	VisitDays  int     `json:"visit_days"`
	Note       string  `json:"note"`
	EndedOn    day.Day `json:"ended_on,omitzero"`
	NextDue    day.Day `json:"next_due,omitzero"`
	Due        Due     `json:"due"`
	Visits     []Visit `json:"visits"`
}

// Visit is one visit made, with the help given.
type Visit struct {
	ID        int64   `json:"id"`
	VisitedOn day.Day `json:"visited_on"`
	Visitor   string  `json:"visitor"`
	Note      string  `json:"note"`
	Help      string  `json:"help,omitempty"`
	HelpFen   int64   `json:"help_fen"`
}

// NewEntry puts a resident on a register. FirstDue is the first visit's
// due day; without it the first visit is due VisitDays from today.
type NewEntry struct {
	OrgID      int64
	ResidentID int64
	Register   string
	Category   string
	Since      day.Day
	VisitDays  int
	FirstDue   day.Day
	Note       string
}

// AddEntry puts a resident of the village on a register (centres.sensitive
// over the village). A resident is on a category once while the entry is
// open (rule register.one_open).
func (s *Service) AddEntry(ctx context.Context, a *auth.Actor, in NewEntry) (Entry, error) {
	var e Entry
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermCentresSensitive, auth.PermCentresSensitive)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		if !slices.Contains(RegisterCategories[in.Register], in.Category) {
			f.Add("category", "centres.choose", nil)
		}
		r, err := residentIn(ctx, tx, a, f, "resident_id", in.ResidentID, v)
		if err != nil {
			return err
		}
		if in.VisitDays < 1 || in.VisitDays > 366 {
			f.Add("visit_days", "centres.visit_days", apperr.Params{"max": 366})
		}
		if in.Since.IsZero() {
			f.Add("since", "error.required", nil)
		}
		in.Note = apperr.Prose(f, "note", in.Note, 2000, false)
		if err := f.Err(); err != nil {
			return err
		}
		today := s.today()
		if err := notFuture("since", in.Since, today); err != nil {
			return err
		}
		var open int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM centre_register WHERE resident_id = $1 AND category = $2 AND ended_on IS NULL`,
			r.ID, in.Category).Scan(&open)
		if err == nil {
			return apperr.Rule("register.one_open", apperr.Params{"name": r.Name, "id": open})
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if in.FirstDue.IsZero() {
			in.FirstDue = today.AddDays(in.VisitDays)
		}
		e = Entry{OrgID: v.ID, Village: v.Name, ResidentID: r.ID, Name: r.Name, Register: in.Register, Category: in.Category,
			Since: in.Since, VisitDays: in.VisitDays, Note: in.Note, NextDue: in.FirstDue, Visits: []Visit{}}
		if err := tx.QueryRowContext(ctx, `INSERT INTO centre_register(town_id, org_id, resident_id, register, category, since,
			visit_days, note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, db.NullID(v.TownID), v.ID,
			r.ID, e.Register, e.Category, e.Since, e.VisitDays, e.Note, s.Clock.Now()).Scan(&e.ID); err != nil {
			return err
		}
		if err := s.plan(ctx, tx, e, v.TownID, in.FirstDue); err != nil {
			return err
		}
		e.Due = s.Judge(e.NextDue, false, today)
		return s.record(ctx, tx, a, "register.add", "centre_register", e.ID, v.ID, nil,
			map[string]any{"register": e.Register, "category": e.Category, "resident_id": e.ResidentID, "since": e.Since,
				"visit_days": e.VisitDays, "next_due": e.NextDue})
	})
	return e, err
}

// plan adds the entry's one open visit plan.
func (s *Service) plan(ctx context.Context, tx *sql.Tx, e Entry, townID int64, due day.Day) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO centre_visit_plans(entry_id, org_id, town_id, register, due_on)
		VALUES ($1, $2, $3, $4, $5)`, e.ID, e.OrgID, db.NullID(townID), e.Register, due)
	return err
}

const entryColumns = `e.id, e.org_id, CASE WHEN o.short_name <> '' THEN o.short_name ELSE o.name END, o.path, e.resident_id,
	r.name, e.register, e.category, e.since, e.visit_days, e.note, e.ended_on, p.due_on`

const entryFrom = ` FROM centre_register e JOIN orgs o ON o.id = e.org_id JOIN residents r ON r.id = e.resident_id
	LEFT JOIN centre_visit_plans p ON p.entry_id = e.id AND p.done_on IS NULL`

func (s *Service) scanEntry(row interface{ Scan(...any) error }, today day.Day) (Entry, error) {
	var e Entry
	err := row.Scan(&e.ID, &e.OrgID, &e.Village, &e.OrgPath, &e.ResidentID, &e.Name, &e.Register, &e.Category, &e.Since,
		&e.VisitDays, &e.Note, &e.EndedOn, &e.NextDue)
	e.Due = s.Judge(e.NextDue, !e.EndedOn.IsZero(), today)
	e.Visits = []Visit{}
	return e, err
}

// logReads records in read_log that the actor saw these register entries,
// in the transaction that read them: no log row, no page.
func logReads(ctx context.Context, tx *sql.Tx, a *auth.Actor, now any, es []Entry) error {
	if a == nil || len(es) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO read_log(at, user_id, entity, entity_id, org_id) VALUES ($1, $2, 'centre_register', $3, $4)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, e := range es {
		if _, err := stmt.ExecContext(ctx, now, a.UserID, e.ID, e.OrgID); err != nil {
			return err
		}
	}
	return nil
}

// GetEntry returns a register entry with its visits to the centre's staff
// or the town (centres.sensitive), and logs the read.
func (s *Service) GetEntry(ctx context.Context, a *auth.Actor, id int64) (Entry, error) {
	var e Entry
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if e, err = s.loadEntry(ctx, tx, id); err != nil {
			return err
		}
		if err := a.Decide(auth.PermCentresSensitive, "", e.OrgPath); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, visited_on, visitor, note, help, help_fen FROM centre_visits
			WHERE entry_id = $1 ORDER BY visited_on DESC, id DESC`, id)
		if err != nil {
			return err
		}
		if e.Visits, err = db.Collect(rows, func(r *sql.Rows, v *Visit) error {
			return r.Scan(&v.ID, &v.VisitedOn, &v.Visitor, &v.Note, &v.Help, &v.HelpFen)
		}); err != nil {
			return err
		}
		return logReads(ctx, tx, a, s.Clock.Now(), []Entry{e})
	})
	return e, err
}

func (s *Service) loadEntry(ctx context.Context, q db.Queryer, id int64) (Entry, error) {
	e, err := s.scanEntry(q.QueryRowContext(ctx, `SELECT `+entryColumns+entryFrom+` WHERE e.id = $1`, id), s.today())
	if errors.Is(err, sql.ErrNoRows) {
		return e, apperr.NotFound()
	}
	if err != nil {
		return e, fmt.Errorf("centres: load register entry %d: %w", id, err)
	}
	return e, nil
}

// VisitInput is a visit made; NextDue plans the next one (default: the
// entry's interval after this visit).
type VisitInput struct {
	VisitedOn day.Day
	Visitor   string
	Note      string
	Help      string
	HelpFen   int64
	NextDue   day.Day
}

// RecordVisit records a visit to a person on a register: it fulfils the
// open plan and plans the next visit, after the visit day (rule
// register.next_after_visit).
func (s *Service) RecordVisit(ctx context.Context, a *auth.Actor, id int64, in VisitInput) (Entry, error) {
	var e Entry
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if e, err = s.loadEntry(ctx, tx, id); err != nil {
			return err
		}
		if err := a.Decide(auth.PermCentresSensitive, auth.PermCentresSensitive, e.OrgPath); err != nil {
			return err
		}
		f := apperr.Fields{}
		in.Visitor = apperr.Text(f, "visitor", in.Visitor, 50, true)
		in.Note = apperr.Prose(f, "note", in.Note, 5000, true)
		in.Help = apperr.Text(f, "help", in.Help, 200, false)
		if in.HelpFen < 0 || in.HelpFen > int64(money.MaxFen) {
			f.Add("help_yuan", "money.format", nil)
		}
		if in.VisitedOn.IsZero() {
			f.Add("visited_on", "error.required", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		today := s.today()
		if !e.EndedOn.IsZero() {
			return apperr.Rule("register.ended", apperr.Params{"ended_on": e.EndedOn})
		}
		if err := notFuture("visited_on", in.VisitedOn, today); err != nil {
			return err
		}
		if in.VisitedOn.Before(e.Since) {
			return apperr.Rule("register.visit_after_since", apperr.Params{"since": e.Since, "date": in.VisitedOn})
		}
		if in.NextDue.IsZero() {
			in.NextDue = in.VisitedOn.AddDays(e.VisitDays)
		} else if !in.NextDue.After(in.VisitedOn) {
			return apperr.Rule("register.next_after_visit", apperr.Params{"visited_on": in.VisitedOn, "next_due": in.NextDue})
		}
		v := Visit{VisitedOn: in.VisitedOn, Visitor: in.Visitor, Note: in.Note, Help: in.Help, HelpFen: in.HelpFen}
		if err := tx.QueryRowContext(ctx, `INSERT INTO centre_visits(entry_id, visited_on, visitor, note, help, help_fen,
			created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, e.ID, v.VisitedOn, v.Visitor,
			v.Note, v.Help, v.HelpFen, a.UserRef(), s.Clock.Now()).Scan(&v.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE centre_visit_plans SET done_on = $1, visit_id = $2
			WHERE entry_id = $3 AND done_on IS NULL`, v.VisitedOn, v.ID, e.ID); err != nil {
			return err
		}
		var townID sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT town_id FROM centre_register WHERE id = $1`, e.ID).Scan(&townID); err != nil {
			return err
		}
		if err := s.plan(ctx, tx, e, townID.Int64, in.NextDue); err != nil {
			return err
		}
		e.NextDue = in.NextDue
		e.Due = s.Judge(e.NextDue, false, today)
		e.Visits = []Visit{v}
		return s.record(ctx, tx, a, "register.visit", "centre_register", e.ID, e.OrgID, nil,
			map[string]any{"visited_on": v.VisitedOn, "visitor": v.Visitor, "help": v.Help, "help_fen": v.HelpFen,
				"next_due": e.NextDue})
	})
	return e, err
}

// RegisterFilter selects a register's entries in a village, a town or the
// actor's scope, by id.
type RegisterFilter struct {
	OrgID    int64
	Register string
	After    int64
	Limit    int
}

// ListRegister lists a register to the centre's staff or the town
// (centres.sensitive) and logs every entry shown.
func (s *Service) ListRegister(ctx context.Context, a *auth.Actor, f RegisterFilter) ([]Entry, error) {
	out, err := s.listRegister(ctx, s.DB, a, f, db.Limit(f.Limit, 50, 200))
	if err != nil {
		return nil, err
	}
	return out, s.logShown(ctx, a, out)
}

// logShown logs the entries a list is about to show; when the log cannot
// be written the list is not shown.
func (s *Service) logShown(ctx context.Context, a *auth.Actor, es []Entry) error {
	return s.DB.Tx(ctx, func(tx *sql.Tx) error { return logReads(ctx, tx, a, s.Clock.Now(), es) })
}

func (s *Service) listRegister(ctx context.Context, tx db.Queryer, a *auth.Actor, f RegisterFilter, limit int) ([]Entry, error) {
	if !ValidRegister(f.Register) {
		return nil, apperr.Invalid("register", "centres.choose", nil)
	}
	ar, err := areaFor(ctx, tx, a, auth.PermCentresSensitive, f.OrgID)
	if err != nil {
		return nil, err
	}
	var args db.Args
	where := []string{ar.cond(&args, "e"), "e.register = " + args.Add(f.Register)}
	if f.After != 0 {
		where = append(where, "e.id > "+args.Add(f.After))
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+entryColumns+entryFrom+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY e.id LIMIT `+strconv.Itoa(limit), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("centres: list register: %w", err)
	}
	today := s.today()
	return db.Collect(rows, func(r *sql.Rows, e *Entry) error {
		var err error
		*e, err = s.scanEntry(r, today)
		return err
	})
}

// DueFilter selects the open visit plans of a register.
type DueFilter struct {
	OrgID    int64
	Register string
	Limit    int
}

// DueVisits lists the people of a register whose next visit is due within
// DueSoonDays or overdue, the most overdue first, and logs each shown.
func (s *Service) DueVisits(ctx context.Context, a *auth.Actor, f DueFilter) ([]Entry, error) {
	if !ValidRegister(f.Register) {
		return nil, apperr.Invalid("register", "centres.choose", nil)
	}
	ar, err := areaFor(ctx, s.DB, a, auth.PermCentresSensitive, f.OrgID)
	if err != nil {
		return nil, err
	}
	var args db.Args
	today := s.today()
	where := ar.cond(&args, "p") + " AND p.register = " + args.Add(f.Register) + " AND p.done_on IS NULL AND p.due_on <= " +
		args.Add(today.AddDays(s.Rules.DueSoonDays))
	rows, err := s.DB.QueryContext(ctx, `SELECT `+entryColumns+` FROM centre_visit_plans p JOIN centre_register e ON e.id = p.entry_id
		JOIN orgs o ON o.id = p.org_id JOIN residents r ON r.id = e.resident_id WHERE `+where+
		` ORDER BY p.due_on, p.id LIMIT `+strconv.Itoa(db.Limit(f.Limit, 50, 200)), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("centres: due visits: %w", err)
	}
	out, err := db.Collect(rows, func(r *sql.Rows, e *Entry) error {
		var err error
		*e, err = s.scanEntry(r, today)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, s.logShown(ctx, a, out)
}

// DueCount is how many visits of a register are overdue and due soon.
type DueCount struct {
	Overdue int
	Soon    int
}

// CountDue counts a register's due and overdue visits in the actor's scope
// for the start page, judging each with Judge as the lists do; it shows
// no one, so it logs nothing. It stops at limit.
func (s *Service) CountDue(ctx context.Context, a *auth.Actor, register string, limit int) (DueCount, error) {
	var c DueCount
	if !a.Can(auth.PermCentresSensitive) {
		return c, nil
	}
	ar, err := areaFor(ctx, s.DB, a, auth.PermCentresSensitive, 0)
	if err != nil {
		return c, err
	}
	var args db.Args
	today := s.today()
	rows, err := s.DB.QueryContext(ctx, `SELECT p.due_on FROM centre_visit_plans p JOIN orgs o ON o.id = p.org_id WHERE `+
		ar.cond(&args, "p")+` AND p.register = `+args.Add(register)+` AND p.done_on IS NULL AND p.due_on <= `+
		args.Add(today.AddDays(s.Rules.DueSoonDays))+` ORDER BY p.due_on LIMIT `+strconv.Itoa(limit), args.Values()...)
	if err != nil {
		return c, fmt.Errorf("centres: count due: %w", err)
	}
	dues, err := db.Collect(rows, func(r *sql.Rows, d *day.Day) error { return r.Scan(d) })
	for _, d := range dues {
		switch s.Judge(d, false, today) {
		case DueOverdue:
			c.Overdue++
		case DueSoon:
			c.Soon++
		}
	}
	return c, err
}
