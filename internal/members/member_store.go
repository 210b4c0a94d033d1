package members

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/org"
)

// place is where a member belongs in the tree: the organisation, its
// town and its village (村党总支), resolved once when a member is placed.
type place struct {
	ID        int64
	Name      string
	Path      string
	Type      org.Type
	TownID    int64
	VillageID int64
}

// memberOrgTypes are the organisations that have members of their own:
// 党支部, 村党总支 and industry party organisations.
func memberOrgType(t org.Type) bool {
	return t == org.TypeBranch || t == org.TypeGeneralBranch || t == org.TypeIndustry
}

// placeOf reads an organisation as a member's place. Scope is the
// caller's check: this only resolves.
func placeOf(ctx context.Context, q db.Queryer, orgID int64) (place, error) {
	var p place
	var parentID int64
	var parentType string
	err := q.QueryRowContext(ctx, `SELECT o.id, o.name, o.path, o.type, COALESCE(o.town_id, 0),
		COALESCE(p.id, 0), COALESCE(p.type, '') FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id WHERE o.id = $1`,
		orgID).Scan(&p.ID, &p.Name, &p.Path, &p.Type, &p.TownID, &parentID, &parentType)
	if errors.Is(err, sql.ErrNoRows) {
		return p, apperr.NotFound()
	}
	if err != nil {
		return p, fmt.Errorf("members: load organisation %d: %w", orgID, err)
	}
	switch {
	case p.Type == org.TypeGeneralBranch:
		p.VillageID = p.ID
	case org.Type(parentType) == org.TypeGeneralBranch:
		p.VillageID = parentID
	}
	return p, nil
}

// addEvent appends one entry to a member's history.
func addEvent(ctx context.Context, tx *sql.Tx, m Member, kind string, on time.Time, fromOrg, toOrg int64, detail string, now time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO member_events(member_id, town_id, org_id, kind, on_date, from_org_id, to_org_id, detail, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		m.ID, db.NullID(m.TownID), m.OrgID, kind, db.Day(on), db.NullID(fromOrg), db.NullID(toOrg), detail, now)
	return err
}

const pipelineColumns = `talk_on, talk_late, activist_on, candidate_on, training_days, training_hours, meeting_on,
	approved_on, approval_note, extension_months, extended_on, rejected_on, reject_reason`

// pipelineRow scans pipelineColumns, also from a LEFT JOIN where the
// whole row may be NULL (someone entered straight onto the roster). The
// dates scan straight into the Pipeline's days (NULL is the zero Day).
type pipelineRow struct {
	p                          Pipeline
	late                       sql.NullBool
	days, hours, months        sql.NullInt64
	approvalNote, rejectReason sql.NullString
}

func (r *pipelineRow) dest() []any {
	p := &r.p
	return []any{&p.TalkOn, &r.late, &p.ActivistOn, &p.CandidateOn, &r.days, &r.hours, &p.MeetingOn,
		&p.ApprovedOn, &r.approvalNote, &r.months, &p.ExtendedOn, &p.RejectedOn, &r.rejectReason}
}

func (r *pipelineRow) pipeline() Pipeline {
	p := r.p
	p.TalkLate, p.TrainingDays, p.TrainingHours = r.late.Bool, int(r.days.Int64), int(r.hours.Int64)
	p.ApprovalNote, p.ExtensionMonths, p.RejectReason = r.approvalNote.String, int(r.months.Int64), r.rejectReason.String
	return p
}

func scanPipeline(row interface{ Scan(...any) error }) (Pipeline, error) {
	var r pipelineRow
	err := row.Scan(r.dest()...)
	return r.pipeline(), err
}

// prefix qualifies every column of a column list with a table alias.
func prefix(alias, cols string) string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		parts[i] = alias + strings.TrimSpace(p)
	}
	return strings.Join(parts, ", ")
}

// loadPipeline reads a member's pipeline row; someone entered straight
// onto the roster has none, which reads as an empty Pipeline.
func loadPipeline(ctx context.Context, q db.Queryer, memberID int64) (Pipeline, bool, error) {
	p, err := scanPipeline(q.QueryRowContext(ctx, `SELECT `+pipelineColumns+` FROM member_pipeline WHERE member_id = $1`, memberID))
	if errors.Is(err, sql.ErrNoRows) {
		return Pipeline{}, false, nil
	}
	return p, err == nil, err
}

// savePipeline writes the whole pipeline row (insert or replace).
func savePipeline(ctx context.Context, tx *sql.Tx, memberID int64, p Pipeline, now time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO member_pipeline(member_id, `+pipelineColumns+`, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
		ON CONFLICT (member_id) DO UPDATE SET talk_on = excluded.talk_on, talk_late = excluded.talk_late,
		activist_on = excluded.activist_on, candidate_on = excluded.candidate_on, training_days = excluded.training_days,
		training_hours = excluded.training_hours, meeting_on = excluded.meeting_on, approved_on = excluded.approved_on,
		approval_note = excluded.approval_note, extension_months = excluded.extension_months,
		extended_on = excluded.extended_on, rejected_on = excluded.rejected_on, reject_reason = excluded.reject_reason,
		updated_at = excluded.updated_at`,
		memberID, storedDay(p.TalkOn), p.TalkLate, storedDay(p.ActivistOn), storedDay(p.CandidateOn), p.TrainingDays,
		p.TrainingHours, storedDay(p.MeetingOn), storedDay(p.ApprovedOn), p.ApprovalNote, p.ExtensionMonths,
		storedDay(p.ExtendedOn), storedDay(p.RejectedOn), p.RejectReason, now)
	return err
}

// History lists a member's events, oldest first, with organisation names.
func (s *Service) History(ctx context.Context, a *auth.Actor, id int64) ([]Event, error) {
	if _, err := s.Get(ctx, a, id); err != nil {
		return nil, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT e.id, e.member_id, e.org_id, e.kind, e.on_date,
		COALESCE(e.from_org_id, 0), COALESCE(f.name, ''), COALESCE(e.to_org_id, 0), COALESCE(t.name, ''), e.detail
		FROM member_events e LEFT JOIN orgs f ON f.id = e.from_org_id LEFT JOIN orgs t ON t.id = e.to_org_id
		WHERE e.member_id = $1 ORDER BY e.on_date, e.id`, id)
	if err != nil {
		return nil, fmt.Errorf("members: history: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, e *Event) error {
		return r.Scan(&e.ID, &e.MemberID, &e.OrgID, &e.Kind, &e.On, &e.FromOrgID, &e.FromOrg, &e.ToOrgID, &e.ToOrg, &e.Detail)
	})
}

// change is what one use case did to a member, for its history event.
type change struct {
	Kind     string // member_events.kind; empty for no event
	On       time.Time
	From, To int64
	Detail   string
}

// changeMember is the shape of every use case that changes one member:
// in one transaction, load the member with the write-scope check, refuse
// if they have left, apply the change, re-read the record, bring the
// report's tallies in line, append the history event and write one audit
// record with before and after.
func (s *Service) changeMember(ctx context.Context, a *auth.Actor, id int64, action string,
	apply func(tx *sql.Tx, m Member, now time.Time) (change, error)) (Member, error) {
	now := s.Clock.Now()
	var after Member
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		before, err := LoadMemberFor(ctx, tx, a, id, auth.PermMemberWrite)
		if err != nil {
			return err
		}
		if before.Status == StatusLeft {
			return errLeft(before)
		}
		ch, err := apply(tx, before, now)
		if err != nil {
			return err
		}
		if after, err = loadMember(ctx, tx, id); err != nil {
			return err
		}
		if err := retally(ctx, tx, &before, after); err != nil {
			return err
		}
		if ch.Kind != "" {
			if err := addEvent(ctx, tx, after, ch.Kind, ch.On, ch.From, ch.To, ch.Detail, now); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: action, Entity: "member",
			EntityID: id, OrgID: after.OrgID, Before: before, After: after})
	})
	return after, err
}

// BranchRoster is everyone who has been a member of the branch (members
// and those who left), in name order then id, for membersOn to narrow to
// one day (orglife's attendance and grading rules).
func BranchRoster(ctx context.Context, q db.Queryer, orgID int64) ([]Member, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+memberColumns+memberFrom+`
		WHERE m.org_id = $1 AND m.status IN ('probationary', 'full', 'left')
		ORDER BY m.name, m.id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("members: branch members on: %w", err)
	}
	defer rows.Close()
	var out []Member
	r := newMemberRow()
	for rows.Next() {
		if err := r.scan(rows); err != nil {
			return nil, err
		}
		out = append(out, r.m)
	}
	return out, rows.Err()
}
