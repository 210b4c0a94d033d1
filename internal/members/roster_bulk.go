package members

import (
	"context"
	"database/sql"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// BulkAdd enters many people under one organisation (a branch, a village
// or the town) in one transaction with one audit record: the demo loader
// and scripted migrations from other systems use it. Every input is
// checked as Add checks it; the first bad one refuses the whole batch,
// naming its position.
func (s *Service) BulkAdd(ctx context.Context, a *auth.Actor, orgID int64, ins []MemberInput) ([]int64, error) {
	now := s.Clock.Now()
	today := db.Day(now)
	var ids []int64
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		root, err := placeOf(ctx, tx, orgID)
		if err != nil {
			return err
		}
		if err := decide(a, auth.PermMemberWrite, root.Path); err != nil {
			return err
		}
		places := map[int64]place{}
		batch := make([]prepared, len(ins))
		for i, in := range ins {
			pre, f := s.validate(in, today)
			pl, ok := places[in.OrgID]
			if !ok {
				pl, err = placeOf(ctx, tx, in.OrgID)
				if err != nil && apperr.KindOf(err) != apperr.KindNotFound {
					return err
				}
				if err != nil || !memberOrgType(pl.Type) || !db.Under(pl.Path, root.Path) {
					f.Add("org_id", "member.org_unknown", nil)
				}
				places[in.OrgID] = pl
			}
			if err := f.Err(); err != nil {
				return &apperr.Error{Kind: apperr.KindInvalid, Key: "member.bulk_invalid", Params: apperr.Params{"n": i + 1},
					Fields: apperr.As(err).Fields}
			}
			if pre.in.Status == StatusApplicant {
				if err := CheckApplicant(pre.id.Birth, pre.in.AppliedOn, today); err != nil {
					return err
				}
			}
			pre.place = pl
			batch[i] = pre
		}
		if err := linkResidents(ctx, tx, seesResidents(a), batch); err != nil {
			return err
		}
		if ids, err = insertAll(ctx, tx, batch, EventAdded, "", now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "member.bulk_add", Entity: "org",
			EntityID: root.ID, OrgID: root.ID, After: map[string]any{"rows": len(ids)}})
	})
	if db.IsUniqueViolation(err) {
		return nil, apperr.Invalid("id_number", "member.duplicate_id", nil)
	}
	return ids, err
}

// insertAll writes validated people with one history event each (and an
// empty pipeline row for applicants) using prepared statements, so a
// 10,000-row roster is 20,000 executions of two statements in one
// transaction.
func insertAll(ctx context.Context, tx *sql.Tx, batch []prepared, kind, detail string, now time.Time) ([]int64, error) {
	events, err := tx.PrepareContext(ctx, `INSERT INTO member_events(member_id, town_id, org_id, kind, on_date, detail, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`)
	if err != nil {
		return nil, err
	}
	defer events.Close()
	people, err := tx.PrepareContext(ctx, insertMemberSQL)
	if err != nil {
		return nil, err
	}
	defer people.Close()
	ids := make([]int64, 0, len(batch))
	for _, p := range batch {
		var id int64
		if err := people.QueryRowContext(ctx, insertMemberArgs(p, now)...).Scan(&id); err != nil {
			return nil, err
		}
		on, k := p.in.JoinedOn, kind
		if p.in.Status == StatusApplicant {
			on, k = p.in.AppliedOn, "apply"
			if err := savePipeline(ctx, tx, id, Pipeline{}, now); err != nil {
				return nil, err
			}
		}
		if kind == EventImported {
			on = now
		}
		if _, err := events.ExecContext(ctx, id, db.NullID(p.place.TownID), p.place.ID, k, db.Day(on), detail, now); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}
