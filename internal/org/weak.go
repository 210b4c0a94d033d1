package org

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

// WeakFlag is one 软弱涣散 finding on an organisation with its
// rectification: the plan, the deadline, and how it was closed.
type WeakFlag struct {
	ID          int64   `json:"id"`
	OrgID       int64   `json:"org_id"`
	OrgName     string  `json:"org_name"`
	OrgType     Type    `json:"org_type"`
	FlaggedOn   day.Day `json:"flagged_on"`
	Reason      string  `json:"reason"`
	Plan        string  `json:"plan"`
	Deadline    day.Day `json:"deadline"`
	ClosedOn    day.Day `json:"closed_on,omitzero"` // the zero Day while open
	ClosingNote string  `json:"closing_note,omitempty"`
	// SecretaryPostID is the organisation's secretary post: the post to
	// change when the plan calls for a new secretary (书记调整).
	SecretaryPostID int64 `json:"secretary_post_id,omitempty"`
	// Overdue and DaysOverdue are judged against the service clock's
	// today when the flag is read; they are never stored.
	Overdue     bool   `json:"overdue"`
	DaysOverdue int    `json:"days_overdue,omitempty"`
	OrgPath     string `json:"-"` // for scope checks in pages
}

// Open reports whether the rectification is still running.
func (f WeakFlag) Open() bool { return f.ClosedOn.IsZero() }

// judge sets Overdue: open and the deadline before today.
func (f *WeakFlag) judge(today day.Day) {
	f.Overdue = f.Open() && f.Deadline.Before(today)
	f.DaysOverdue = 0
	if f.Overdue {
		f.DaysOverdue = f.Deadline.DaysUntil(today)
	}
}

// weakTypes are the organisations that can be found 软弱涣散: party
// organisations below the town. An activity home has no party
// organisation to rectify yet.
var weakTypes = []Type{TypeGeneralBranch, TypeBranch, TypeIndustry}

// Flaggable reports whether an organisation of type t can be flagged.
func Flaggable(t Type) bool {
	return slices.Contains(weakTypes, t)
}

const weakColumns = `w.id, w.org_id, o.name, o.type, o.path, w.flagged_on, w.reason, w.plan, w.deadline,
	w.closed_on, w.closing_note, COALESCE(sp.id, 0)`

// weakFrom joins each flag to its organisation and that organisation's
// secretary post, so pages can link straight to 书记调整.
const weakFrom = `FROM weak_flags w JOIN orgs o ON o.id = w.org_id
	LEFT JOIN posts sp ON sp.org_id = w.org_id AND sp.code IN ('secretary', 'branch_secretary')`

func scanWeak(row interface{ Scan(...any) error }) (WeakFlag, error) {
	var f WeakFlag
	err := row.Scan(&f.ID, &f.OrgID, &f.OrgName, &f.OrgType, &f.OrgPath, &f.FlaggedOn, &f.Reason, &f.Plan,
		&f.Deadline, &f.ClosedOn, &f.ClosingNote, &f.SecretaryPostID)
	return f, err
}

func getWeak(ctx context.Context, q db.Queryer, id int64) (WeakFlag, error) {
	f, err := scanWeak(q.QueryRowContext(ctx, `SELECT `+weakColumns+` `+weakFrom+` WHERE w.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return f, apperr.NotFound()
	}
	if err != nil {
		return f, fmt.Errorf("org: load weak flag %d: %w", id, err)
	}
	return f, nil
}

// WeakFlag returns one flag the actor may read.
func (s *Service) WeakFlag(ctx context.Context, a *auth.Actor, id int64) (WeakFlag, error) {
	f, err := getWeak(ctx, s.DB, id)
	if err != nil {
		return f, err
	}
	if err := a.Decide(auth.PermOrgRead, "", f.OrgPath); err != nil {
		return WeakFlag{}, err
	}
	f.judge(day.Today(s.Clock))
	return f, nil
}

// WeakFlagsOf lists an organisation's flags, the newest first: the open
// one (there is at most one) leads.
func (s *Service) WeakFlagsOf(ctx context.Context, a *auth.Actor, orgID int64) ([]WeakFlag, error) {
	if _, err := s.Get(ctx, a, orgID); err != nil {
		return nil, err
	}
	return s.queryWeak(ctx, `SELECT `+weakColumns+` `+weakFrom+`
		WHERE w.org_id = $1 ORDER BY w.flagged_on DESC, w.id DESC`, orgID)
}

func (s *Service) queryWeak(ctx context.Context, query string, args ...any) ([]WeakFlag, error) {
	rows, err := s.DB.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("org: query weak: %w", err)
	}
	defer rows.Close()
	today := day.Today(s.Clock)
	var out []WeakFlag
	for rows.Next() {
		f, err := scanWeak(rows)
		if err != nil {
			return nil, err
		}
		f.judge(today)
		out = append(out, f)
	}
	return out, rows.Err()
}

// NewWeakFlag is the input of Flag.
type NewWeakFlag struct {
	OrgID     int64
	FlaggedOn day.Day
	Reason    string
	Plan      string
	Deadline  day.Day
}

// Flag records that an organisation is 软弱涣散 with the plan to rectify
// it by a deadline. Only the town or county (org.manage) flags.
func (s *Service) Flag(ctx context.Context, a *auth.Actor, in NewWeakFlag) (WeakFlag, error) {
	var out WeakFlag
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		o, err := getOrg(ctx, tx, in.OrgID)
		if err != nil {
			return err
		}
		if err := a.Decide(auth.PermOrgRead, auth.PermOrgManage, o.Path); err != nil {
			return err
		}
		if !Flaggable(o.Type) {
			return apperr.Rule(RuleWeakOrgType, apperr.Params{"type": typeKey(o.Type)})
		}
		f := apperr.Fields{}
		in.Reason = apperr.Prose(f, "reason", in.Reason, maxText, true)
		in.Plan = apperr.Prose(f, "plan", in.Plan, maxText, true)
		requireDate(f, "flagged_on", in.FlaggedOn)
		requireDate(f, "deadline", in.Deadline)
		if err := f.Err(); err != nil {
			return err
		}
		today := day.Today(s.Clock)
		flagged, deadline := in.FlaggedOn, in.Deadline
		if err := checkNotFuture(flagged, today); err != nil {
			return err
		}
		if err := checkDeadlineAfterFlag(flagged, deadline); err != nil {
			return err
		}
		if open, err := openWeak(ctx, tx, o.ID); err != nil {
			return err
		} else if open != nil {
			return oneOpenViolation(*open)
		}
		var id int64
		err = tx.QueryRowContext(ctx, `INSERT INTO weak_flags(org_id, town_id, flagged_on, reason, plan, deadline)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, o.ID, db.NullID(o.TownID), flagged, in.Reason, in.Plan,
			deadline).Scan(&id)
		if db.IsUniqueViolation(err) {
			// A second writer flagged the same organisation a moment ago:
			// the partial unique index keeps the one-open rule under races.
			return apperr.Conflict("weak.flag_race", apperr.Params{"org": o.Name})
		}
		if err != nil {
			return err
		}
		if out, err = getWeak(ctx, tx, id); err != nil {
			return err
		}
		out.judge(today)
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
			Action: "weak.flag", Entity: "weak_flag", EntityID: id, OrgID: o.ID, After: out})
	})
	return out, err
}

// openWeak finds the organisation's open flag, if any.
func openWeak(ctx context.Context, q db.Queryer, orgID int64) (*WeakFlag, error) {
	f, err := scanWeak(q.QueryRowContext(ctx, `SELECT `+weakColumns+` `+weakFrom+` WHERE w.org_id = $1 AND w.closed_on IS NULL`, orgID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &f, nil
}

// WeakPlan is the input of UpdateWeakPlan: a revised plan and deadline.
type WeakPlan struct {
	FlagID   int64
	Plan     string
	Deadline day.Day
}

// UpdateWeakPlan revises the rectification plan of an open flag; the
// deadline may move, but never to the flag date or before.
func (s *Service) UpdateWeakPlan(ctx context.Context, a *auth.Actor, in WeakPlan) (WeakFlag, error) {
	return s.changeWeak(ctx, a, in.FlagID, "weak.plan", func(f *WeakFlag, _ day.Day) error {
		fe := apperr.Fields{}
		plan := apperr.Prose(fe, "plan", in.Plan, maxText, true)
		requireDate(fe, "deadline", in.Deadline)
		if err := fe.Err(); err != nil {
			return err
		}
		deadline := in.Deadline
		if err := checkDeadlineAfterFlag(f.FlaggedOn, deadline); err != nil {
			return err
		}
		f.Plan, f.Deadline = plan, deadline
		return nil
	}, `UPDATE weak_flags SET plan = $1, deadline = $2 WHERE id = $3`,
		func(f WeakFlag) []any { return []any{f.Plan, f.Deadline, f.ID} })
}

// WeakClosing is the input of CloseWeak.
type WeakClosing struct {
	FlagID   int64
	ClosedOn day.Day
	Note     string
}

// CloseWeak ends a rectification with a note on what was achieved.
func (s *Service) CloseWeak(ctx context.Context, a *auth.Actor, in WeakClosing) (WeakFlag, error) {
	return s.changeWeak(ctx, a, in.FlagID, "weak.close", func(f *WeakFlag, today day.Day) error {
		fe := apperr.Fields{}
		note := apperr.Prose(fe, "closing_note", in.Note, maxText, true)
		requireDate(fe, "closed_on", in.ClosedOn)
		if err := fe.Err(); err != nil {
			return err
		}
		closed := in.ClosedOn
		if err := checkNotFuture(closed, today); err != nil {
			return err
		}
		if err := checkCloseAfterFlag(f.FlaggedOn, closed); err != nil {
			return err
		}
		f.ClosedOn, f.ClosingNote = closed, note
		return nil
	}, `UPDATE weak_flags SET closed_on = $1, closing_note = $2 WHERE id = $3`,
		func(f WeakFlag) []any { return []any{f.ClosedOn, f.ClosingNote, f.ID} })
}

// changeWeak is the shared frame of the two changes to an open flag:
// load, check scope and state, apply, store, audit — in one transaction.
func (s *Service) changeWeak(ctx context.Context, a *auth.Actor, id int64, action string,
	apply func(f *WeakFlag, today day.Day) error, update string, args func(WeakFlag) []any) (WeakFlag, error) {
	var out WeakFlag
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		before, err := getWeak(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := a.Decide(auth.PermOrgRead, auth.PermOrgManage, before.OrgPath); err != nil {
			return err
		}
		if !before.Open() {
			return apperr.Rule(RuleWeakClosed, apperr.Params{"closed_on": before.ClosedOn})
		}
		today := day.Today(s.Clock)
		after := before
		if err := apply(&after, today); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, update, args(after)...); err != nil {
			return err
		}
		before.judge(today)
		after.judge(today)
		out = after
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
			Action: action, Entity: "weak_flag", EntityID: id, OrgID: after.OrgID, Before: before, After: after})
	})
	return out, err
}

func requireDate(f apperr.Fields, field string, d day.Day) {
	if d.IsZero() {
		f.Add(field, "error.date_required", nil)
	}
}

// maxText bounds free-text fields such as a reason or a plan.
const maxText = 2000
