package orglife

import (
	"context"
	"database/sql"
	"fmt"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/members"
)

// RecordMeetings records many meetings of one branch at once, as when a
// year of paper minutes is typed in. Each meeting goes through the same
// rules as RecordMeeting and gets its own audit record; all are written
// in one transaction, so one invalid meeting records none. The roster is
// read once and narrowed to each meeting day, which keeps a year of a
// branch's meetings to a handful of queries.
func (s *Service) RecordMeetings(ctx context.Context, a *auth.Actor, orgID int64, ins []NewMeeting) ([]int64, error) {
	today := day.Today(s.Clock)
	ids := make([]int64, 0, len(ins))
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		b, err := branchFor(ctx, tx, a, orgID, auth.PermMemberWrite)
		if err != nil {
			return err
		}
		if !b.holdsMeetings() {
			return apperr.Invalid("org_id", "meeting.not_branch", nil)
		}
		everyone, err := members.BranchRoster(ctx, tx, b.ID)
		if err != nil {
			return err
		}
		for i, in := range ins {
			if in.OrgID != 0 && in.OrgID != b.ID {
				return fmt.Errorf("meeting %d is of organisation %d, not %d", i+1, in.OrgID, b.ID)
			}
			in.OrgID = b.ID
			f := apperr.Fields{}
			in.HeldOn = validMeetingFields(f, &in, today)
			if err := f.Err(); err != nil {
				return fmt.Errorf("meeting %d: %w", i+1, err)
			}
			m, err := newMeeting(b, in, membersOn(everyone, in.HeldOn))
			if err != nil {
				return fmt.Errorf("meeting %d: %w", i+1, err)
			}
			if err := s.insertMeeting(ctx, tx, a, &m); err != nil {
				return err
			}
			ids = append(ids, m.ID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}
