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
)

// Sources are where a mediation case comes from.
var Sources = []string{"letter_visit", "talk", "reception_day"} // 来信来访, 民情恳谈, 村干部接待日

// CaseCategories are the kinds of dispute a case is about.
var CaseCategories = []string{"land", "neighbour", "family", "debt", "labour", "other"}

// Case states.
const (
	CaseOpen   = "open"
	CaseClosed = "closed"
)

// Case is one mediation case of a village's 民事调解中心.
type Case struct {
	ID           int64     `json:"id"`
	OrgID        int64     `json:"org_id"`
	Village      string    `json:"village"`
	OrgPath      string    `json:"-"`
	Source       string    `json:"source"`
	Category     string    `json:"category"`
	Title        string    `json:"title"`
	Summary      string    `json:"summary"`
	OpenedOn     day.Day   `json:"opened_on"`
	Deadline     day.Day   `json:"deadline"`
	State        string    `json:"state"`
	Agreement    string    `json:"agreement,omitempty"`
	ClosedOn     day.Day   `json:"closed_on,omitzero"`
	Outcome      string    `json:"outcome,omitempty"`
	FollowUpOn   day.Day   `json:"followup_on,omitzero"`
	FollowUpNote string    `json:"followup_note,omitempty"`
	Due          Due       `json:"due"`
	Parties      []Party   `json:"parties"`
	Sessions     []Session `json:"sessions"`
}

// Closed reports a closed case.
func (c Case) Closed() bool { return c.State == CaseClosed }

// Party is one side of a case: a resident, or a name as told.
type Party struct {
	ResidentID int64  `json:"resident_id,omitempty"`
	Name       string `json:"name"`
}

// Session is one mediation session.
type Session struct {
	ID       int64   `json:"id"`
	HeldOn   day.Day `json:"held_on"`
	Mediator string  `json:"mediator"`
	Note     string  `json:"note"`
}

// NewCase is the input of OpenCase. Deadline is optional: without it the
// case is due CaseDays after it was opened.
type NewCase struct {
	OrgID       int64
	Source      string
	Category    string
	Title       string
	Summary     string
	OpenedOn    day.Day
	Deadline    day.Day
	ResidentIDs []int64
	OtherNames  []string
}

// OpenCase records a case the mediation centre takes up (centres.write
// over the village); its parties are residents of that village or names.
func (s *Service) OpenCase(ctx context.Context, a *auth.Actor, in NewCase) (Case, error) {
	var c Case
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, in.OrgID, auth.PermCentresRead, auth.PermCentresWrite)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		if !slices.Contains(Sources, in.Source) {
			f.Add("source", "centres.choose", nil)
		}
		if !slices.Contains(CaseCategories, in.Category) {
			f.Add("category", "centres.choose", nil)
		}
		in.Title = apperr.Text(f, "title", in.Title, 100, true)
		in.Summary = apperr.Prose(f, "summary", in.Summary, 5000, false)
		today := s.today()
		if in.OpenedOn.IsZero() {
			f.Add("opened_on", "error.required", nil)
		}
		var parties []Party
		for _, id := range in.ResidentIDs {
			r, err := residentIn(ctx, tx, a, f, "resident_id", id, v)
			if err != nil {
				return err
			}
			parties = append(parties, Party{ResidentID: r.ID, Name: r.Name})
		}
		for _, n := range in.OtherNames {
			if n = apperr.Text(f, "other_names", n, 50, false); n != "" {
				parties = append(parties, Party{Name: n})
			}
		}
		if len(parties) == 0 && f["resident_id"].Key == "" {
			f.Add("resident_id", "centres.case_parties", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		if err := notFuture("opened_on", in.OpenedOn, today); err != nil {
			return err
		}
		if in.Deadline.IsZero() {
			in.Deadline = in.OpenedOn.AddDays(s.Rules.CaseDays)
		} else if in.Deadline.Before(in.OpenedOn) {
			return apperr.Rule("case.deadline_after_opening", apperr.Params{"opened_on": in.OpenedOn, "deadline": in.Deadline})
		}
		c = Case{OrgID: v.ID, Village: v.Name, Source: in.Source, Category: in.Category, Title: in.Title,
			Summary: in.Summary, OpenedOn: in.OpenedOn, Deadline: in.Deadline, State: CaseOpen, Parties: parties,
			Sessions: []Session{}}
		if err := tx.QueryRowContext(ctx, `INSERT INTO centre_cases(town_id, org_id, source, category, title, summary,
			opened_on, deadline, state, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			db.NullID(v.TownID), v.ID, c.Source, c.Category, c.Title, c.Summary, c.OpenedOn, c.Deadline, c.State,
			s.Clock.Now()).Scan(&c.ID); err != nil {
			return err
		}
		for _, p := range parties {
			if _, err := tx.ExecContext(ctx, `INSERT INTO centre_case_parties(case_id, resident_id, name) VALUES ($1, $2, $3)`,
				c.ID, db.NullID(p.ResidentID), p.Name); err != nil {
				return err
			}
		}
		c.Due = s.Judge(c.Deadline, false, today)
		return s.record(ctx, tx, a, "case.open", "centre_case", c.ID, v.ID, nil, map[string]any{"title": c.Title,
			"source": c.Source, "category": c.Category, "opened_on": c.OpenedOn, "deadline": c.Deadline, "parties": len(parties)})
	})
	return c, err
}

// notFuture refuses a day after today (rule centres.not_future): what is
// recorded has happened.
func notFuture(field string, d, today day.Day) error {
	if d.After(today) {
		return apperr.Rule("centres.not_future", apperr.Params{"field": field, "date": d, "today": today})
	}
	return nil
}

const caseColumns = `c.id, c.org_id, CASE WHEN o.short_name <> '' THEN o.short_name ELSE o.name END, o.path, c.source,
	c.category, c.title, c.summary, c.opened_on, c.deadline, c.state, c.agreement, c.closed_on, c.outcome,
	c.followup_on, c.followup_note`

func (s *Service) scanCase(r interface{ Scan(...any) error }, today day.Day) (Case, error) {
	var c Case
	err := r.Scan(&c.ID, &c.OrgID, &c.Village, &c.OrgPath, &c.Source, &c.Category, &c.Title, &c.Summary,
		&c.OpenedOn, &c.Deadline, &c.State, &c.Agreement, &c.ClosedOn, &c.Outcome, &c.FollowUpOn, &c.FollowUpNote)
	c.Due = s.Judge(c.Deadline, c.Closed(), today)
	c.Parties, c.Sessions = []Party{}, []Session{}
	return c, err
}

// loadCase reads a case with its parties and sessions.
func (s *Service) loadCase(ctx context.Context, q db.Queryer, id int64) (Case, error) {
	c, err := s.scanCase(q.QueryRowContext(ctx, `SELECT `+caseColumns+` FROM centre_cases c JOIN orgs o ON o.id = c.org_id
		WHERE c.id = $1`, id), s.today())
	if errors.Is(err, sql.ErrNoRows) {
		return c, apperr.NotFound()
	}
	if err != nil {
		return c, fmt.Errorf("centres: load case %d: %w", id, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT COALESCE(resident_id, 0), name FROM centre_case_parties WHERE case_id = $1 ORDER BY id`, id)
	if err != nil {
		return c, err
	}
	if c.Parties, err = db.Collect(rows, func(r *sql.Rows, p *Party) error { return r.Scan(&p.ResidentID, &p.Name) }); err != nil {
		return c, err
	}
	rows, err = q.QueryContext(ctx, `SELECT id, held_on, mediator, note FROM centre_case_sessions WHERE case_id = $1
		ORDER BY held_on, id`, id)
	if err != nil {
		return c, err
	}
	c.Sessions, err = db.Collect(rows, func(r *sql.Rows, x *Session) error { return r.Scan(&x.ID, &x.HeldOn, &x.Mediator, &x.Note) })
	return c, err
}

// GetCase returns a case to a reader of the village's centres.
func (s *Service) GetCase(ctx context.Context, a *auth.Actor, id int64) (Case, error) {
	c, err := s.loadCase(ctx, s.DB, id)
	if err != nil {
		return c, err
	}
	if err := a.Decide(auth.PermCentresRead, "", c.OrgPath); err != nil {
		return Case{}, err
	}
	return c, nil
}

// changeCase runs a change of an open case in one transaction: load,
// decide centres.write, refuse a closed case (rule case.closed), change,
// one audit record.
func (s *Service) changeCase(ctx context.Context, a *auth.Actor, id int64, action string, allowClosed bool,
	change func(tx *sql.Tx, c *Case, today day.Day) (any, error)) (Case, error) {
	var c Case
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if c, err = s.loadCase(ctx, tx, id); err != nil {
			return err
		}
		if err := a.Decide(auth.PermCentresRead, auth.PermCentresWrite, c.OrgPath); err != nil {
			return err
		}
		if c.Closed() && !allowClosed {
			return apperr.Rule("case.closed", apperr.Params{"closed_on": c.ClosedOn})
		}
		today := s.today()
		after, err := change(tx, &c, today)
		if err != nil {
			return err
		}
		c.Due = s.Judge(c.Deadline, c.Closed(), today)
		return s.record(ctx, tx, a, action, "centre_case", c.ID, c.OrgID, nil, after)
	})
	return c, err
}

// SessionInput is one mediation session held.
type SessionInput struct {
	HeldOn   day.Day
	Mediator string
	Note     string
}

// AddSession records a mediation session of an open case, on or after
// the day the case was opened (rule case.session_after_opening).
func (s *Service) AddSession(ctx context.Context, a *auth.Actor, id int64, in SessionInput) (Case, error) {
	return s.changeCase(ctx, a, id, "case.session", false, func(tx *sql.Tx, c *Case, today day.Day) (any, error) {
		f := apperr.Fields{}
		in.Mediator = apperr.Text(f, "mediator", in.Mediator, 50, true)
		in.Note = apperr.Prose(f, "note", in.Note, 5000, true)
		if in.HeldOn.IsZero() {
			f.Add("held_on", "error.required", nil)
		}
		if err := f.Err(); err != nil {
			return nil, err
		}
		if err := notFuture("held_on", in.HeldOn, today); err != nil {
			return nil, err
		}
		if in.HeldOn.Before(c.OpenedOn) {
			return nil, apperr.Rule("case.session_after_opening", apperr.Params{"opened_on": c.OpenedOn, "held_on": in.HeldOn})
		}
		x := Session{HeldOn: in.HeldOn, Mediator: in.Mediator, Note: in.Note}
		if err := tx.QueryRowContext(ctx, `INSERT INTO centre_case_sessions(case_id, held_on, mediator, note)
			VALUES ($1, $2, $3, $4) RETURNING id`, c.ID, x.HeldOn, x.Mediator, x.Note).Scan(&x.ID); err != nil {
			return nil, err
		}
		c.Sessions = append(c.Sessions, x)
		return map[string]any{"title": c.Title, "held_on": x.HeldOn, "mediator": x.Mediator}, nil
	})
}

// Closing is how a case ends: the agreement reached (调解协议), or none,
// with the outcome.
type Closing struct {
	ClosedOn  day.Day
	Agreement string
	Outcome   string
}

// Outcomes of a closed case.
var Outcomes = []string{"agreed", "not_agreed", "referred", "withdrawn"} // 达成协议, 未达成, 移交, 撤回

// CloseCase closes an open case on or after its last session (rule
// case.close_after_sessions); an agreed outcome needs the agreement's text.
func (s *Service) CloseCase(ctx context.Context, a *auth.Actor, id int64, in Closing) (Case, error) {
	return s.changeCase(ctx, a, id, "case.close", false, func(tx *sql.Tx, c *Case, today day.Day) (any, error) {
		f := apperr.Fields{}
		if !slices.Contains(Outcomes, in.Outcome) {
			f.Add("outcome", "centres.choose", nil)
		}
		in.Agreement = apperr.Prose(f, "agreement", in.Agreement, 10000, in.Outcome == "agreed")
		if in.ClosedOn.IsZero() {
			f.Add("closed_on", "error.required", nil)
		}
		if err := f.Err(); err != nil {
			return nil, err
		}
		if err := notFuture("closed_on", in.ClosedOn, today); err != nil {
			return nil, err
		}
		last := c.OpenedOn
		for _, x := range c.Sessions {
			if x.HeldOn.After(last) {
				last = x.HeldOn
			}
		}
		if in.ClosedOn.Before(last) {
			return nil, apperr.Rule("case.close_after_sessions", apperr.Params{"earliest": last, "closed_on": in.ClosedOn})
		}
		if _, err := tx.ExecContext(ctx, `UPDATE centre_cases SET state = $1, closed_on = $2, agreement = $3, outcome = $4
			WHERE id = $5`, CaseClosed, in.ClosedOn, in.Agreement, in.Outcome, c.ID); err != nil {
			return nil, err
		}
		c.State, c.ClosedOn, c.Agreement, c.Outcome = CaseClosed, in.ClosedOn, in.Agreement, in.Outcome
		return map[string]any{"title": c.Title, "closed_on": in.ClosedOn, "outcome": in.Outcome}, nil
	})
}

// FollowUp is the visit after a case closed (回访).
type FollowUp struct {
	On   day.Day
	Note string
}

// RecordFollowUp records the follow-up visit of a closed case, on or after
// its closing (rule case.followup_after_close); only a closed case has one.
func (s *Service) RecordFollowUp(ctx context.Context, a *auth.Actor, id int64, in FollowUp) (Case, error) {
	return s.changeCase(ctx, a, id, "case.followup", true, func(tx *sql.Tx, c *Case, today day.Day) (any, error) {
		f := apperr.Fields{}
		in.Note = apperr.Prose(f, "followup_note", in.Note, 5000, true)
		if in.On.IsZero() {
			f.Add("followup_on", "error.required", nil)
		}
		if err := f.Err(); err != nil {
			return nil, err
		}
		if !c.Closed() {
			return nil, apperr.Rule("case.followup_open", nil)
		}
		if err := notFuture("followup_on", in.On, today); err != nil {
			return nil, err
		}
		if in.On.Before(c.ClosedOn) {
			return nil, apperr.Rule("case.followup_after_close", apperr.Params{"closed_on": c.ClosedOn, "date": in.On})
		}
		if _, err := tx.ExecContext(ctx, `UPDATE centre_cases SET followup_on = $1, followup_note = $2 WHERE id = $3`,
			in.On, in.Note, c.ID); err != nil {
			return nil, err
		}
		c.FollowUpOn, c.FollowUpNote = in.On, in.Note
		return map[string]any{"title": c.Title, "followup_on": in.On}, nil
	})
}

// CaseFilter selects cases: open ones by deadline (the overdue first) or
// closed ones by deadline too, in a village, a town or the actor's scope.
type CaseFilter struct {
	OrgID  int64
	Closed bool
	After  int64 // keyset: the id of the last case of the previous page
	Limit  int
}

// ListCases lists cases in the actor's centres.read scope.
func (s *Service) ListCases(ctx context.Context, a *auth.Actor, f CaseFilter) ([]Case, error) {
	ar, err := areaFor(ctx, s.DB, a, auth.PermCentresRead, f.OrgID)
	if err != nil {
		return nil, err
	}
	var args db.Args
	state := CaseOpen
	if f.Closed {
		state = CaseClosed
	}
	where := []string{ar.cond(&args, "c"), "c.state = " + args.Add(state)}
	if f.After != 0 {
		p := args.Add(f.After)
		where = append(where, `(c.deadline > (SELECT deadline FROM centre_cases WHERE id = `+p+`)
			OR (c.deadline = (SELECT deadline FROM centre_cases WHERE id = `+p+`) AND c.id > `+p+`))`)
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+caseColumns+` FROM centre_cases c JOIN orgs o ON o.id = c.org_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY c.deadline, c.id LIMIT `+strconv.Itoa(db.Limit(f.Limit, 50, 200)),
		args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("centres: list cases: %w", err)
	}
	today := s.today()
	return db.Collect(rows, func(r *sql.Rows, c *Case) error {
		var err error
		*c, err = s.scanCase(r, today)
		return err
	})
}
