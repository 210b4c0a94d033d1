package members

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// TransferInput moves a member to another branch (组织关系转接).
type TransferInput struct {
	ToOrgID int64
	On      time.Time
	Note    string
}

// Transfer moves a member between two branches the actor may both write
// to; the move is one history event with both branches. A transfer out of
// the system is Leave with reason transferred_out.
func (s *Service) Transfer(ctx context.Context, a *auth.Actor, id int64, in TransferInput) (Member, error) {
	f := apperr.Fields{}
	checkDay(f, "on", in.On, db.Day(s.Clock.Now()))
	return s.changeMember(ctx, a, id, "member.transfer", func(tx *sql.Tx, m Member, now time.Time) (change, error) {
		// The branch moved to is seen as placeFor sees it; one the actor
		// reads but may not write to is a problem of the same field.
		to, ok, err := placeFor(ctx, tx, a, f, "to_org_id", in.ToOrgID, auth.PermMemberWrite)
		switch {
		case apperr.KindOf(err) == apperr.KindForbidden:
			f.Add("to_org_id", "member.transfer_scope", nil)
		case err != nil:
			return change{}, err
		case ok && to.ID == m.OrgID:
			f.Add("to_org_id", "member.transfer_same", nil)
		}
		if err := f.Err(); err != nil {
			return change{}, err
		}
		_, err = tx.ExecContext(ctx, `UPDATE members SET org_id = $1, village_id = $2, town_id = $3, updated_at = $4
			WHERE id = $5`, to.ID, db.NullID(to.VillageID), db.NullID(to.TownID), now, id)
		return change{Kind: EventTransfer, On: in.On, From: m.OrgID, To: to.ID, Detail: strings.TrimSpace(in.Note)}, err
	})
}

// LeaveInput records a person leaving: 出党, 去世 or 转出 with the date.
type LeaveInput struct {
	Reason string
	On     time.Time
	Note   string // e.g. where the relation was transferred to
}

// Leave marks a person as left without deleting anything: status left,
// the date and reason, one history event, and any open 三培养 tag ended.
func (s *Service) Leave(ctx context.Context, a *auth.Actor, id int64, in LeaveInput) (Member, error) {
	f := apperr.Fields{}
	known := false
	for _, r := range LeaveReasons {
		known = known || r == in.Reason
	}
	if !known {
		f.Add("reason", "member.leave_reason_unknown", nil)
	}
	checkDay(f, "on", in.On, db.Day(s.Clock.Now()))
	if err := f.Err(); err != nil {
		return Member{}, err
	}
	return s.changeMember(ctx, a, id, "member.leave", func(tx *sql.Tx, m Member, now time.Time) (change, error) {
		detail := in.Reason
		if note := strings.TrimSpace(in.Note); note != "" {
			detail += ": " + note
		}
		return change{Kind: EventLeft, On: in.On, Detail: detail}, markLeft(ctx, tx, m, in.Reason, in.On, now)
	})
}

// markLeft is the shared end of Leave and a pipeline rejection: status
// left with date and reason, and open 三培养 tags ended that day.
func markLeft(ctx context.Context, tx *sql.Tx, m Member, reason string, on, now time.Time) error {
	if earliest := earliestLeave(m); on.Before(earliest) {
		return apperr.Invalid("on", "member.leave_before", apperr.Params{"date": earliest})
	}
	if _, err := tx.ExecContext(ctx, `UPDATE members SET status = $1, left_on = $2, left_reason = $3, updated_at = $4
		WHERE id = $5`, string(StatusLeft), db.Day(on), reason, now, m.ID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE member_tags SET ended_on = $1 WHERE member_id = $2
		AND ended_on IS NULL AND achieved_on IS NULL`, db.Day(on), m.ID)
	return err
}

// earliestLeave is the latest date already on the record: nobody leaves
// before they joined or applied.
func earliestLeave(m Member) time.Time {
	d := m.BirthDate
	for _, t := range []day.Day{m.AppliedOn, m.JoinedOn, m.FullOn} {
		if t.After(d) {
			d = t
		}
	}
	return d.Time()
}

// SetMobile marks a member as 流动党员 (working away, taking part in
// party life elsewhere) or back, as a dated history event.
func (s *Service) SetMobile(ctx context.Context, a *auth.Actor, id int64, mobile bool, on time.Time, note string) (Member, error) {
	f := apperr.Fields{}
	checkDay(f, "on", on, db.Day(s.Clock.Now()))
	if err := f.Err(); err != nil {
		return Member{}, err
	}
	return s.changeMember(ctx, a, id, "member.mobile", func(tx *sql.Tx, m Member, now time.Time) (change, error) {
		if m.Mobile == mobile {
			return change{}, apperr.Conflict("member.mobile_unchanged", nil)
		}
		kind := EventMobileOff
		if mobile {
			kind = EventMobileOn
		}
		_, err := tx.ExecContext(ctx, `UPDATE members SET mobile = $1, updated_at = $2 WHERE id = $3`, mobile, now, id)
		return change{Kind: kind, On: on, Detail: strings.TrimSpace(note)}, err
	})
}
