package commendation

import (
	"context"
	"database/sql"
	"errors"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
)

// NewDiscipline is the input of RecordDiscipline.
type NewDiscipline struct {
	MemberID  int64
	Kind      DisciplineKind
	DecidedOn day.Day
	UntilOn   day.Day // zero: DisciplineMonths after the decision
	Note      string
}

// RecordDiscipline records a member's 党纪处分 (commendation.manage over
// the member's branch). A member is not commended in a year the
// discipline was decided in or still in effect.
func (s *Service) RecordDiscipline(ctx context.Context, a *auth.Actor, in NewDiscipline) (Discipline, error) {
	f := apperr.Fields{}
	today := day.Today(s.Clock)
	months, ok := DisciplineMonths[in.Kind]
	if !ok {
		f.Add("kind", "commendation.discipline_unknown", nil)
	}
	if in.DecidedOn.IsZero() {
		f.Add("decided_on", "error.date_required", nil)
	} else if in.DecidedOn.After(today) {
		f.Add("decided_on", "commendation.date_future", apperr.Params{"today": today})
	}
	if in.UntilOn.IsZero() && !in.DecidedOn.IsZero() {
		in.UntilOn = in.DecidedOn.AddMonths(months)
	}
	if in.UntilOn.Before(in.DecidedOn) {
		f.Add("until_on", "commendation.until_before", nil)
	}
	in.Note = apperr.Prose(f, "note", in.Note, 2000, false)
	if err := f.Err(); err != nil {
		return Discipline{}, err
	}
	var out Discipline
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var orgID int64
		var path, name string
		err := tx.QueryRowContext(ctx, `SELECT m.org_id, o.path, m.name FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.id = $1`,
			in.MemberID).Scan(&orgID, &path, &name)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.NotFound()
		}
		if err != nil {
			return err
		}
		if err := a.Decide(auth.PermCommendRead, auth.PermCommendManage, path); err != nil {
			return err
		}
		now := s.Clock.Now()
		out = Discipline{MemberID: in.MemberID, Kind: in.Kind, DecidedOn: in.DecidedOn, UntilOn: in.UntilOn, Note: in.Note}
		if err := tx.QueryRowContext(ctx, `INSERT INTO member_discipline(member_id, org_id, kind, decided_on, until_on, note, recorded_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, in.MemberID, orgID, in.Kind, in.DecidedOn, in.UntilOn, in.Note, now).
			Scan(&out.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "commendation.discipline", Entity: "member",
			EntityID: in.MemberID, OrgID: orgID, After: map[string]any{"name": name, "discipline": in.Kind,
				"decided_on": in.DecidedOn, "until_on": in.UntilOn, "note": in.Note}})
	})
	return out, err
}
