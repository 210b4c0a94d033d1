package members

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
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
	now := s.Clock.Now()
	today := db.Day(now)
	f := apperr.Fields{}
	if in.On.IsZero() {
		f.Add("on", "error.date_required", nil)
	} else if in.On.After(today) {
		f.Add("on", "member.date_future", apperr.Params{"today": today})
	}
	to, err := placeOf(ctx, s.DB, in.ToOrgID)
	switch {
	case err != nil || !memberOrgType(to.Type) || (a != nil && !a.CanAt(auth.PermMemberRead, to.Path)):
		f.Add("to_org_id", "member.org_unknown", nil)
	case a != nil && !a.CanAt(auth.PermMemberWrite, to.Path):
		f.Add("to_org_id", "member.transfer_scope", nil)
	}
	var after Member
	err = s.DB.Tx(ctx, func(tx *sql.Tx) error {
		before, err := getMemberFor(ctx, tx, a, id, auth.PermMemberWrite)
		if err != nil {
			return err
		}
		if before.Status == StatusLeft {
			return errLeft(before)
		}
		if to.ID == before.OrgID {
			f.Add("to_org_id", "member.transfer_same", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE members SET org_id = $1, village_id = $2, town_id = $3, updated_at = $4
			WHERE id = $5`, to.ID, nullID(to.VillageID), nullID(to.TownID), now, id); err != nil {
			return err
		}
		if after, err = loadMember(ctx, tx, id); err != nil {
			return err
		}
		if err := addEvent(ctx, tx, after, EventTransfer, in.On, before.OrgID, to.ID, strings.TrimSpace(in.Note), now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "member.transfer", Entity: "member",
			EntityID: id, OrgID: to.ID, Before: before, After: after})
	})
	return after, err
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
	now := s.Clock.Now()
	today := db.Day(now)
	f := apperr.Fields{}
	known := false
	for _, r := range LeaveReasons {
		known = known || r == in.Reason
	}
	if !known {
		f.Add("reason", "member.leave_reason_unknown", nil)
	}
	if in.On.IsZero() {
		f.Add("on", "error.date_required", nil)
	} else if in.On.After(today) {
		f.Add("on", "member.date_future", apperr.Params{"today": today})
	}
	if err := f.Err(); err != nil {
		return Member{}, err
	}
	var after Member
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		before, err := getMemberFor(ctx, tx, a, id, auth.PermMemberWrite)
		if err != nil {
			return err
		}
		after, err = s.markLeft(ctx, tx, before, in.Reason, in.On, strings.TrimSpace(in.Note), now)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "member.leave", Entity: "member",
			EntityID: id, OrgID: after.OrgID, Before: before, After: after})
	})
	return after, err
}

// markLeft is the shared end of Leave and a pipeline rejection.
func (s *Service) markLeft(ctx context.Context, tx *sql.Tx, m Member, reason string, on time.Time, note string, now time.Time) (Member, error) {
	if m.Status == StatusLeft {
		return Member{}, errLeft(m)
	}
	if earliest := earliestLeave(m); on.Before(earliest) {
		return Member{}, apperr.Invalid("on", "member.leave_before", apperr.Params{"date": earliest})
	}
	if _, err := tx.ExecContext(ctx, `UPDATE members SET status = $1, left_on = $2, left_reason = $3, updated_at = $4
		WHERE id = $5`, string(StatusLeft), db.Day(on), reason, now, m.ID); err != nil {
		return Member{}, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE member_tags SET ended_on = $1 WHERE member_id = $2
		AND ended_on IS NULL AND achieved_on IS NULL`, db.Day(on), m.ID); err != nil {
		return Member{}, err
	}
	after, err := loadMember(ctx, tx, m.ID)
	if err != nil {
		return Member{}, err
	}
	detail := reason
	if note != "" {
		detail += ": " + note
	}
	return after, addEvent(ctx, tx, after, EventLeft, on, 0, 0, detail, now)
}

// earliestLeave is the latest date already on the record: nobody leaves
// before they joined or applied.
func earliestLeave(m Member) time.Time {
	d := m.BirthDate
	for _, t := range []*time.Time{m.AppliedOn, m.JoinedOn, m.FullOn} {
		if t != nil && t.After(d) {
			d = *t
		}
	}
	return d
}

// SetMobile marks a member as 流动党员 (working away, taking part in
// party life elsewhere) or back, as a dated history event.
func (s *Service) SetMobile(ctx context.Context, a *auth.Actor, id int64, mobile bool, on time.Time, note string) (Member, error) {
	now := s.Clock.Now()
	today := db.Day(now)
	if on.IsZero() {
		return Member{}, apperr.Invalid("on", "error.date_required", nil)
	}
	if on.After(today) {
		return Member{}, apperr.Invalid("on", "member.date_future", apperr.Params{"today": today})
	}
	var after Member
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		before, err := getMemberFor(ctx, tx, a, id, auth.PermMemberWrite)
		if err != nil {
			return err
		}
		if before.Status == StatusLeft {
			return errLeft(before)
		}
		if before.Mobile == mobile {
			return apperr.Conflict("member.mobile_unchanged", nil)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE members SET mobile = $1, updated_at = $2 WHERE id = $3`, mobile, now, id); err != nil {
			return err
		}
		if after, err = loadMember(ctx, tx, id); err != nil {
			return err
		}
		kind := EventMobileOff
		if mobile {
			kind = EventMobileOn
		}
		if err := addEvent(ctx, tx, after, kind, on, 0, 0, strings.TrimSpace(note), now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "member.mobile", Entity: "member",
			EntityID: id, OrgID: after.OrgID, Before: before, After: after})
	})
	return after, err
}
